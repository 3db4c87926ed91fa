import { runInNewContext } from 'node:vm';
import * as esbuild from 'esbuild';
import { describe, expect, it } from 'vitest';
import { polyfillWhereNeeded } from './polyfill-where-needed.ts';
import { repoRoot } from './paths.ts';

/** A bundle that hands out what `import browser from 'webextension-polyfill'` gives it. */
async function bundle(): Promise<string> {
  const result = await esbuild.build({
    stdin: { contents: "import browser from 'webextension-polyfill'; globalThis.api = browser;", resolveDir: repoRoot },
    bundle: true,
    write: false,
    format: 'iife',
    plugins: [polyfillWhereNeeded],
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

describe('polyfillWhereNeeded', () => {
  it('hands out the browser’s own namespace without running the polyfill', async () => {
    const native = { runtime: { id: 'crosscheck' } };
    // No `chrome`: the polyfill, had it run, would throw that it is not in an extension.
    const world: { browser: unknown; api?: unknown } = { browser: native };
    runInNewContext(await bundle(), world);
    expect(world.api).toBe(native);
  });

  it('hands it out as it is, without listing or describing its properties', async () => {
    // A copy of the namespace (esbuild's wrapper for a CommonJS default import) asks for every
    // property of the browser's API namespace on every page.
    const asked: string[] = [];
    const native = new Proxy(
      { runtime: { id: 'crosscheck' }, app: {}, i18n: {} },
      {
        ownKeys(target) {
          asked.push('ownKeys');
          return Reflect.ownKeys(target);
        },
        getOwnPropertyDescriptor(target, property) {
          asked.push(`describe ${String(property)}`);
          return Reflect.getOwnPropertyDescriptor(target, property);
        },
      },
    );
    const world: { browser: unknown; api?: unknown } = { browser: native };
    runInNewContext(await bundle(), world);
    expect(world.api).toBe(native);
    expect(asked).toEqual([]);
  });

  it('runs the polyfill where the browser has no namespace of its own', async () => {
    const code = await bundle();
    expect(() => void runInNewContext(code, {})).toThrow('This script should only be loaded in a browser extension.');
    const chrome = { runtime: { id: 'crosscheck' } };
    const world: { chrome: unknown; api?: { runtime?: unknown } } = { chrome };
    runInNewContext(code, world);
    expect(world.api).not.toBe(chrome);
    expect(world.api?.runtime).toBeDefined();
  });
});
