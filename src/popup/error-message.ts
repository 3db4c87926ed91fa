/** What went wrong, in the words the error carries (the background's replies are worded for the reader). */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
