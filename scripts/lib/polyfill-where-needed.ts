/**
 * An esbuild plugin: every bundle's `webextension-polyfill` becomes a module that requires the
 * polyfill only in a browser without its own `browser` namespace. Firefox has it, and so does Chrome
 * since it gained the namespace; the polyfill then hands back that very object, on this same test,
 * but requiring it still compiles its wrapper and reads `chrome.runtime`: close to a millisecond that
 * every page paid before the content script did anything. Older Chrome (the manifest allows 132)
 * still gets the polyfill, bundled as before and evaluated on first use.
 */
import type * as esbuild from 'esbuild';
import { repoRoot } from './paths.ts';

const namespace = 'polyfill-where-needed';

export const polyfillWhereNeeded: esbuild.Plugin = {
  name: namespace,
  setup(build) {
    build.onResolve({ filter: /^webextension-polyfill$/ }, () => ({ path: 'webextension-polyfill', namespace }));
    build.onLoad({ filter: /.*/, namespace }, () => ({
      // An ES module's default export. Were this module CommonJS, esbuild would wrap each import of it
      // in a copy of the namespace, listing and describing every one of its properties as the bundle is
      // evaluated: on every page, close to a millisecond of the content script's evaluation in Chromium.
      contents: [
        'const native = globalThis.browser;',
        "export default native && native.runtime && native.runtime.id ? native : require('webextension-polyfill/dist/browser-polyfill.js');",
      ].join('\n'),
      loader: 'js',
      resolveDir: repoRoot,
    }));
  },
};
