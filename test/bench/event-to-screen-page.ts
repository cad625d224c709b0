// The scripts the event-to-screen benchmark puts into the console's page.

// Where the console's time goes, stage by stage, without touching product code: the page's end
// of the worker's port is wrapped (before the page's scripts run) to note when a batch carrying a
// probe's row arrives, and the next animation frame after that is when the board takes it.
export const STAGES = `
  window.__atPage = {};
  window.__frameAfter = {};
  const nowMs = () => performance.timeOrigin + performance.now();
  const waiting = [];
  const nativeRaf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (callback) => nativeRaf((time) => {
    const at = nowMs();
    while (waiting.length > 0) window.__frameAfter[waiting.pop()] = at;
    callback(time);
  });
  const note = (data) => {
    if (!data || data.kind !== 'patches') return;
    const at = nowMs();
    for (const patch of data.patches) {
      if (patch.kind !== 'rows') continue;
      for (const row of patch.changed) {
        if (typeof row.title === 'string' && row.title.startsWith('e2s-probe') && !(row.title in window.__atPage)) {
          window.__atPage[row.title] = at;
          waiting.push(row.title);
        }
      }
    }
  };
  const nativeAdd = EventTarget.prototype.addEventListener;
  EventTarget.prototype.addEventListener = function (type, listener, options) {
    if (type === 'message' && (this instanceof MessagePort || this instanceof Worker) && typeof listener === 'function') {
      const wrapped = function (event) { note(event.data); return listener.call(this, event); };
      return nativeAdd.call(this, type, wrapped, options);
    }
    return nativeAdd.call(this, type, listener, options);
  };
`;

// "Painted" is when a task posted after the frame's rendering runs (as in keystroke.ts): a row
// added inside an animation frame callback (the board applies patches once per frame) is painted
// in that same frame, so the probe wraps requestAnimationFrame to know when it is in one; a row
// added in an ordinary task waits for the next frame.
export const OBSERVER = `
  window.__seen = {};
  const nativeFrame = window.requestAnimationFrame.bind(window);
  const afterPaint = (run) => { const channel = new MessageChannel(); channel.port1.onmessage = run; channel.port2.postMessage(0); };
  const now = () => performance.timeOrigin + performance.now();
  let inFrame = false;
  window.requestAnimationFrame = (callback) => nativeFrame((time) => {
    inFrame = true;
    afterPaint(() => { inFrame = false; });
    callback(time);
  });
  const record = (row) => {
    const title = row.querySelector('.incident-row__title')?.textContent ?? '';
    if (!title.startsWith('e2s-') || window.__seen[title]) return;
    const mark = { inDom: now(), painted: null };
    window.__seen[title] = mark;
    const done = () => { mark.painted = now(); };
    if (inFrame) afterPaint(done);
    else nativeFrame(() => afterPaint(done));
  };
  // A row comes in as a new element, or on the element of a row that left the view (the board
  // hands row elements on, renderer/board/row-keys.ts): then only its incident id changes.
  new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      if (mutation.type === 'attributes') {
        if (mutation.target instanceof Element) record(mutation.target);
        continue;
      }
      for (const node of mutation.addedNodes) {
        if (!(node instanceof Element)) continue;
        if (node.matches('[data-incident-id]')) record(node);
        for (const row of node.querySelectorAll('[data-incident-id]')) record(row);
      }
    }
  }).observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-incident-id'] });
`;
