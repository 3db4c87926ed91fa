/**
 * Runs in a page (the spec bundles it): for each area the extension reads, whether the browser's
 * serialisation, rewritten as the background rewrites it, is exactly the page's own written
 * snapshot, with the same live Text node behind every written one.
 */
import { rewriteNativeSnapshot } from '../src/extraction/native-markup.ts';
import { articleAreas, takeNativeSnapshot, takeSnapshot } from '../src/page/page-snapshot.ts';

export interface AreaAgreement {
  scoped: boolean;
  /** Null when the background would find the native snapshot misaligned (and the page would send the written one). */
  sameMarkup: boolean | null;
  sameNodes: boolean | null;
}

function snapshotAgreement(): AreaAgreement[] {
  return [...articleAreas(document)].map((area) => {
    const written = takeSnapshot(document, area);
    const native = takeNativeSnapshot(document, area);
    const rewritten = native && rewriteNativeSnapshot(native.snapshot);
    if (!native || !rewritten) return { scoped: area !== null, sameMarkup: null, sameNodes: null };
    return {
      scoped: area !== null,
      sameMarkup: rewritten.snapshot.html === written.snapshot.html,
      sameNodes:
        rewritten.pageIndex.length === written.nodes.length &&
        rewritten.pageIndex.every((index, at) => native.nodes[index] === written.nodes[at]),
    };
  });
}

(globalThis as { crosscheckSnapshotAgreement?: () => AreaAgreement[] }).crosscheckSnapshotAgreement = snapshotAgreement;
