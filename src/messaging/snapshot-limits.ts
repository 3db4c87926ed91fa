/**
 * How large a page snapshot may be: far above a long live blog (a few megabytes of markup), far
 * below what the browsers' messaging carries. A larger page is refused in so many words: the
 * content script checks before sending, the contract's schema where the snapshot arrives.
 */
export const snapshotLimits = { length: 16_000_000, texts: 1_000_000 } as const;
