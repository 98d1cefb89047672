// How a link asks the page to be shown, each part only when it differs from the default:
//   present=1                 presenter mode (large text, side columns on request, a caption)
//   embed=1                   embedded in another page: no header
//   hide=editor,player,…      parts left out (embedding, like TensorFlow Playground's hide flags)
// Parsed as hostile input like the rest of the hash: anything malformed rejects the whole link.
import { createStore } from 'zustand/vanilla';

export const HIDEABLE_PARTS = [
  'editor',
  'examples',
  'lessons',
  'quiz',
  'check',
  'drawer',
  'player',
  'explanation',
] as const;
export type HideablePart = (typeof HIDEABLE_PARTS)[number];

export const DISPLAY_LINK_KEYS = ['present', 'embed', 'hide'] as const;

export interface DisplayLink {
  present?: boolean;
  embed?: boolean;
  hide?: HideablePart[];
}

export type DisplayLinkResult =
  { ok: true; link: DisplayLink | undefined } | { ok: false; reason: string };

function flag(
  value: string | undefined,
  what: string,
): { ok: true; on?: boolean } | { ok: false; reason: string } {
  if (value === undefined) return { ok: true };
  if (value !== '0' && value !== '1')
    return { ok: false, reason: `the ${what} setting in the link is not 0 or 1` };
  return { ok: true, on: value === '1' };
}

/** The display parts among a link's decoded fields (undefined link: there are none). */
export function parseDisplayLink(fields: ReadonlyMap<string, string>): DisplayLinkResult {
  const link: DisplayLink = {};
  const present = flag(fields.get('present'), 'presenter');
  if (!present.ok) return present;
  if (present.on) link.present = true;
  const embed = flag(fields.get('embed'), 'embed');
  if (!embed.ok) return embed;
  if (embed.on) link.embed = true;
  const hide = fields.get('hide');
  if (hide !== undefined) {
    const parts: HideablePart[] = [];
    for (const name of hide === '' ? [] : hide.split(',')) {
      const part = HIDEABLE_PARTS.find((p) => p === name);
      if (!part) return { ok: false, reason: 'the link hides a part the page does not have' };
      if (parts.includes(part)) return { ok: false, reason: 'the link hides a part twice' };
      parts.push(part);
    }
    if (parts.length > 0) link.hide = HIDEABLE_PARTS.filter((p) => parts.includes(p));
  }
  return { ok: true, link: Object.keys(link).length > 0 ? link : undefined };
}

export function formatDisplayLink(link: DisplayLink): string {
  let out = '';
  if (link.present) out += '&present=1';
  if (link.embed) out += '&embed=1';
  if (link.hide && link.hide.length > 0)
    out += `&hide=${HIDEABLE_PARTS.filter((p) => link.hide?.includes(p)).join(',')}`;
  return out;
}

export interface DisplayState {
  present: boolean;
  embed: boolean;
  hidden: readonly HideablePart[];
  /** Presenter mode hides the side columns until asked for. */
  presentSides: boolean;
  setPresent(on: boolean): void;
  setPresentSides(on: boolean): void;
}

export const displayStore = createStore<DisplayState>()((set) => ({
  present: false,
  embed: false,
  hidden: [],
  presentSides: false,
  setPresent: (on) => set({ present: on, presentSides: false }),
  setPresentSides: (on) => set({ presentSides: on }),
}));

/** Show what a link asks for (what it leaves out is the default). */
export function applyDisplayLink(link: DisplayLink): void {
  displayStore.setState({
    present: link.present ?? false,
    embed: link.embed ?? false,
    hidden: link.hide ?? [],
    presentSides: false,
  });
}

/** The link parts that reproduce the display now, for the URL sync. */
export function displayLinkPart(): { display?: DisplayLink } {
  const s = displayStore.getState();
  const link: DisplayLink = {};
  if (s.present) link.present = true;
  if (s.embed) link.embed = true;
  if (s.hidden.length > 0) link.hide = [...s.hidden];
  return Object.keys(link).length > 0 ? { display: link } : {};
}

export function subscribeDisplayLink(onChange: () => void): () => void {
  return displayStore.subscribe((s, prev) => {
    if (s.present !== prev.present || s.embed !== prev.embed || s.hidden !== prev.hidden)
      onChange();
  });
}
