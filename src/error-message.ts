/** What went wrong, in the words of the error itself: for the reader's eyes or a reply. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
