import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from './manifest.ts';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const distDir = join(repoRoot, 'dist');
export const fixturesDir = join(repoRoot, 'e2e', 'fixtures');

/** The unpacked extension the build writes for a browser. */
export const extensionDir = (browser: Browser): string => join(distDir, browser);
