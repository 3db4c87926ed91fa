import { findChromium, findFirefox } from '../scripts/lib/browsers.ts';
import { buildExtension } from '../scripts/lib/build-extension.ts';

/** The suites test the built extension: build it fresh, and fail early if a browser is missing. */
export default async function globalSetup(): Promise<void> {
  findChromium();
  findFirefox();
  await buildExtension();
}
