/** Saves text as a file through the browser: no server round trip, nothing leaves the device. */
export function downloadText(fileName: string, text: string, type: string): void {
  // A byte-order mark so spreadsheet programs read the file as UTF-8 (ë, é, Arabic).
  const blob = new Blob(['\uFEFF', text], { type: `${type};charset=utf-8` });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
