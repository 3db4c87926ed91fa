// The readerable check ships as its own CommonJS file, so the content script can take it without the
// whole of Readability; the package only declares types for its index.
declare module '@mozilla/readability/Readability-readerable.js' {
  import type { isProbablyReaderable as check } from '@mozilla/readability';
  const isProbablyReaderable: typeof check;
  export default isProbablyReaderable;
}
