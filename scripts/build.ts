/**
 *   npm run build               production build of both browsers' extensions, and their zips
 *   npm run build -- --watch    development build that rebuilds on every change
 */
import { buildExtension, watchExtension } from './lib/build-extension.ts';

const run = process.argv.includes('--watch') ? watchExtension : buildExtension;
run().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
