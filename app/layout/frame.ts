// The page's regions as the view settings and the link ask for them: which columns are shown
// (focus mode, presenter mode, hidden parts) and the attributes app.css lays the page out by.
import { useStore } from 'zustand';
import { displayStore, type HideablePart } from './display.ts';
import { useView } from './viewStore.ts';

export interface FrameInput {
  focus: boolean;
  present: boolean;
  presentSides: boolean;
  hidden: readonly HideablePart[];
}

/** The columns shown, as a space-separated list of `editor`, `graph`, `side`. */
export function columnsOf(f: FrameInput): string {
  const sidesAway = f.focus || (f.present && !f.presentSides);
  const editor = !sidesAway && !f.hidden.includes('editor');
  const side = !sidesAway && !(f.hidden.includes('check') && f.hidden.includes('explanation'));
  return [editor ? 'editor' : '', 'graph', side ? 'side' : ''].filter(Boolean).join(' ');
}

export function useFrameAttributes(): Record<string, string | undefined> {
  const focus = useView((s) => s.focus);
  const present = useStore(displayStore, (s) => s.present);
  const presentSides = useStore(displayStore, (s) => s.presentSides);
  const embed = useStore(displayStore, (s) => s.embed);
  const hidden = useStore(displayStore, (s) => s.hidden);
  return {
    'data-cols': columnsOf({ focus, present, presentSides, hidden }),
    'data-focus': focus ? '' : undefined,
    'data-present': present ? '' : undefined,
    'data-embed': embed ? '' : undefined,
    'data-hide': hidden.length > 0 ? hidden.join(' ') : undefined,
  };
}
