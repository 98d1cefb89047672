// The textarea's own undo history is never used: the app keeps the undo history (Ctrl/⌘+Z is
// taken by the editor, the Undo buttons call the store). Chromium records every edit anyway, and
// each record keeps alive the text nodes the edit replaced, up to its 1,000-step limit: that was
// the DOM-node growth bench:endurance found (1,358 → 6,890 nodes over 200 pasted formulas, on the
// same formula, after garbage collection). Taking the textarea out of the document and putting
// it back where it was drops that history. It is done once the textarea has lost focus (a click
// on the player, the graph, a panel), so nobody is typing, and the caret and scroll are restored.

/** Drops the browser's undo records for `textarea` unless it has the focus again. */
export function dropNativeUndoHistory(textarea: HTMLTextAreaElement): void {
  const parent = textarea.parentNode;
  if (!parent || textarea.ownerDocument.activeElement === textarea) return;
  const { selectionStart, selectionEnd, selectionDirection, scrollTop, scrollLeft } = textarea;
  const next = textarea.nextSibling;
  parent.removeChild(textarea);
  parent.insertBefore(textarea, next);
  textarea.setSelectionRange(selectionStart, selectionEnd, selectionDirection);
  textarea.scrollTop = scrollTop;
  textarea.scrollLeft = scrollLeft;
}

/** For the textarea's `blur`: after the focus has moved on (the next task), drop the history. */
export function dropNativeUndoAfterBlur(textarea: HTMLTextAreaElement): void {
  window.setTimeout(() => dropNativeUndoHistory(textarea), 0);
}
