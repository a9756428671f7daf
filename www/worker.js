// Module worker for long articles: runs the same WASM package as the page
// and answers {g, text, opts} with {g, result} or {g, error}. The page may
// first send {module}, the WebAssembly.Module it already compiled, which
// spares this worker fetching and compiling it again.
import init, { analyze } from './pkg/newsmark.js';

let ready = null;

self.onmessage = async ({ data }) => {
  if (data.module) {
    ready ??= init({ module_or_path: data.module });
    return;
  }
  ready ??= init();
  await ready;
  try {
    self.postMessage({ g: data.g, result: analyze(data.text, data.opts) });
  } catch (e) {
    self.postMessage({ g: data.g, error: String((e && e.message) || e) });
  }
};
