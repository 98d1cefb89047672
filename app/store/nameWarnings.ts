// Name warnings (look-alike names, a function's unused parameter) for the current source, computed once per text (the editor asks on
// every render; the same array comes back until the text changes, so nothing re-renders for it).
import { nameWarnings, unusedParameterWarnings, type NameWarning } from '../../ad-core/index.ts';

let lastSource: string | null = null;
let lastWarnings: NameWarning[] = [];

export function selectNameWarnings(source: string): NameWarning[] {
  if (source !== lastSource) {
    lastSource = source;
    lastWarnings = [...nameWarnings(source), ...unusedParameterWarnings(source)];
  }
  return lastWarnings;
}
