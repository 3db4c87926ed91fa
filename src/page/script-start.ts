/**
 * When the content script began to run. The entry imports this module first, so it is evaluated
 * before every other one, and the time from here until the page controller starts is what
 * evaluating the bundle (the message contract's schemas, Preact, the polyfill) costs the page's main
 * thread: the extension counts it as its own work.
 */
export const scriptStartedAt = performance.now();
