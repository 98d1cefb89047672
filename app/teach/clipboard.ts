// Browser side of the exports: the clipboard (which may be missing on plain http or refused by
// the user) and a file download through a Blob and an object URL.

/** Resolves true if the text reached the clipboard, false if the clipboard is unavailable or refused. */
export async function copyText(text: string): Promise<boolean> {
  const clipboard = typeof navigator !== 'undefined' ? navigator.clipboard : undefined;
  if (!clipboard || typeof clipboard.writeText !== 'function') return false;
  try {
    await clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Saves `text` as a file. A BOM goes first so spreadsheet programs read the UTF-8 names right. */
export function downloadText(text: string, fileName: string, mime: string): void {
  const blob = new Blob(['\uFEFF', text], { type: `${mime};charset=utf-8` });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some browsers; a moment later is safe.
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}
