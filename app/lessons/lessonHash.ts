// The lesson part of the URL: `#lesson=<id>&page=<n>` (pages 1-based). Like the playground hash,
// decoding treats the text as hostile: only a known id and a whole number get through.
import { LESSONS } from './content.ts';

export type LessonHash =
  | { kind: 'none' }
  | { kind: 'ok'; id: string; page: number }
  | { kind: 'invalid'; reason: string };

/** Whether a hash is a lesson link at all (then the lessons own it, valid or not). */
export function isLessonHash(hash: string): boolean {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  return body.split('&').some((part) => part === 'lesson' || part.startsWith('lesson='));
}

export function encodeLessonHash(id: string, page: number): string {
  return `#lesson=${encodeURIComponent(id)}&page=${page}`;
}

export function decodeLessonHash(hash: string): LessonHash {
  if (!isLessonHash(hash)) return { kind: 'none' };
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  if (body.length > 200) return { kind: 'invalid', reason: 'the lesson link is too long' };
  const fields = new Map<string, string>();
  for (const part of body.split('&')) {
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    if (key !== 'lesson' && key !== 'page') return { kind: 'invalid', reason: 'the lesson link has an unknown part' };
    if (fields.has(key)) return { kind: 'invalid', reason: 'the lesson link repeats a part' };
    fields.set(key, eq < 0 ? '' : part.slice(eq + 1));
  }
  let id: string;
  try {
    id = decodeURIComponent(fields.get('lesson') ?? '');
  } catch {
    return { kind: 'invalid', reason: 'the lesson link is not properly encoded' };
  }
  const lesson = LESSONS.find((l) => l.id === id);
  if (!lesson) return { kind: 'invalid', reason: 'there is no lesson with that name' };
  const raw = fields.get('page') ?? '1';
  if (!/^\d{1,4}$/.test(raw) || Number(raw) < 1) return { kind: 'invalid', reason: 'the page in the lesson link is not a page number' };
  // A page past the end (a lesson got shorter since the link was made) opens the last page.
  return { kind: 'ok', id, page: Math.min(Number(raw), lesson.pages.length) };
}
