/** What an import would change (the preview, before anything is written) and what it changed. */

/** How a file's articles and notes compare with the store's. */
export interface ImportComparison {
  /** Whether the store holds nothing yet: a backup is then restored exactly as it was made. */
  storeEmpty: boolean;
  sources: {
    /** Not in the store. */
    new: number;
    /** In the store as the same version of the article. */
    same: number;
    /** In the store as another version, read less recently than the file's: the file's replaces it. */
    newer: number;
    /** In the store as another version, read more recently: the store's is kept. */
    older: number;
  };
  /** People and claims the store already knows by the same id. */
  people: { known: number };
  claims: { known: number };
  notes: {
    new: number;
    /** Changed since the store's copy: the file's replaces it. */
    newer: number;
    same: number;
    /** The store's copy changed more recently, and is kept. */
    older: number;
  };
}

export interface ImportResult {
  sources: { added: number; updated: number; unchanged: number };
  /** Merged: linked with a person the store knew under another id. */
  people: { added: number; merged: number; unchanged: number };
  claims: { added: number; merged: number; unchanged: number };
  /**
   * Orphaned: of the notes added or updated (never of those unchanged), the ones about an article,
   * person or claim Crosscheck does not hold (kept, unattached).
   */
  notes: { added: number; updated: number; unchanged: number; orphaned: number };
}
