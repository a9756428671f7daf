// Starts fetching and compiling the analyzer the moment the page starts
// loading. app.js is a module: it runs only after the document and every
// module it imports have loaded, and compiling the WASM from there put
// 15–40 ms of compile time after that wait instead of beside it. app.js
// hands the compiled module to the glue's init(); if this script failed or
// has not run yet, app.js lets init() fetch and compile as usual.
'use strict';
self.newsmarkCompiled =
  typeof WebAssembly === 'object' && typeof WebAssembly.compileStreaming === 'function'
    ? WebAssembly.compileStreaming(fetch('pkg/newsmark_bg.wasm')).catch(() => undefined)
    : undefined;
