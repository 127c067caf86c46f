/** Saves a file through the browser's download (the only way a web app hands a file to the user). */
export function downloadFile(file: Blob, name: string): void {
  const url = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by now; the next tick frees the memory.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** A file name from free text (a class name): letters and digits kept, the rest joined by dashes. */
export function fileNamePart(text: string): string {
  return text.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '') || 'class';
}
