/**
 * Saves a file the way a web page offers a download: a link to a Blob URL with the `download`
 * attribute, clicked. The browser saves it to the reader's downloads (or asks where) without the
 * extension needing the `downloads` permission.
 */
export function saveFile(file: Blob, name: string, document: Document = globalThis.document): void {
  const url = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser reads the Blob as the download starts; a minute later the URL is no longer needed.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
