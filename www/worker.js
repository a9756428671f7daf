// Module worker for long articles: loads the same WASM package as the page
// and answers {g, text, opts} with {g, result} or {g, error}.
import init, { analyze } from './pkg/newsmark.js';

const ready = init();

self.onmessage = async ({ data }) => {
  await ready;
  try {
    self.postMessage({ g: data.g, result: analyze(data.text, data.opts) });
  } catch (e) {
    self.postMessage({ g: data.g, error: String((e && e.message) || e) });
  }
};
