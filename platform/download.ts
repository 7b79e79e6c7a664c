/** Saves `blob` as a file through a temporary download link (no navigation, no new tab). */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started reading the blob by now; give slower browsers a moment anyway.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Saves `data` as a pretty JSON file. */
export function downloadJson(data: unknown, fileName: string): void {
  downloadBlob(
    new Blob([JSON.stringify(data, null, 2) + '\n'], { type: 'application/json' }),
    fileName,
  );
}
