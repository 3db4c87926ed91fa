/** How big code is as the extension ships it: bundled by esbuild for the extension's browsers, minified, gzipped. */
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { repoRoot } from './paths.ts';

/** The size of a bundle of `contents` (a module resolved from the repository's root), in bytes. */
export async function bundleSize(contents: string): Promise<{ minified: number; gzipped: number }> {
  const result = await esbuild.build({
    stdin: { contents, resolveDir: repoRoot, loader: 'ts' },
    bundle: true,
    minify: true,
    // An ES module keeps what the entry exports, so nothing it measures is shaken away.
    format: 'esm',
    target: ['chrome111', 'firefox140'],
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { minified: code.length, gzipped: gzipSync(code, { level: 9 }).length };
}
