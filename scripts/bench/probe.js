// Injected into every benchmarked page before its own scripts (Playwright's addInitScript).
// It records, for each keystroke, the time from the keydown event to the end of the next frame
// after the resulting input was handled (requestAnimationFrame, then a MessageChannel message,
// which runs once the frame has been produced); Event Timing entries (the browser's own measure
// of each event's processing and presentation); the moment the page first shows an editable,
// filled textarea; and every WebAssembly memory the page instantiates.
(() => {
  const bench = {
    keydownAt: [],
    latencies: [],
    events: [],
    editableAt: null,
    memories: [],
    /** Called after each measured keystroke (no polling, which would load the main thread). */
    notify: null,
    /** Resolves once `n` keystrokes have been measured (or after `timeoutMs`). */
    until(n, timeoutMs = 10000) {
      return new Promise((resolve) => {
        const done = () => {
          clearTimeout(timer);
          bench.notify = null;
          resolve(bench.latencies.length);
        };
        const timer = setTimeout(done, timeoutMs);
        bench.notify = () => bench.latencies.length >= n && done();
        bench.notify();
      });
    },
    reset() {
      bench.keydownAt.length = 0;
      bench.latencies.length = 0;
      bench.events.length = 0;
    },
  };
  Object.defineProperty(window, '__bench', { value: bench });

  addEventListener('keydown', (event) => bench.keydownAt.push(event.timeStamp), true);
  addEventListener('input', () => {
    const start = bench.keydownAt[bench.latencies.length];
    if (start === undefined) return;
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        bench.latencies.push(performance.now() - start);
        bench.notify?.();
      };
      channel.port2.postMessage(null);
    });
  }, true);

  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      bench.events.push({ name: e.name, duration: e.duration, interactionId: e.interactionId ?? 0 });
    }
  }).observe({ type: 'event', durationThreshold: 16, buffered: true });

  // The first frame that shows a textarea holding text: the editor is mounted with the draft.
  const watch = () => {
    if (bench.editableAt !== null) return;
    const area = document.querySelector('textarea');
    if (area && !area.disabled && area.value.length > 0) bench.editableAt = performance.now();
    else requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);

  // The wasm memory, wherever the loader instantiates the module.
  for (const name of ['instantiate', 'instantiateStreaming']) {
    const original = WebAssembly[name];
    if (!original) continue;
    WebAssembly[name] = async function (...args) {
      const result = await original.apply(this, args);
      const instance = result.instance ?? result;
      for (const value of Object.values(instance.exports ?? {})) {
        if (value instanceof WebAssembly.Memory) bench.memories.push(value);
      }
      return result;
    };
  }
})();
