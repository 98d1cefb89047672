// The URL hash format of DESIGN.md:
//   #f=<encodeURIComponent(formula)>&at=<encodeURIComponent("x=1,y=2")>&mode=reverse|forward&step=<n>
// and three optional parts of our own, so that a link restores all a teacher set up:
//   seed=<variable> or seed=<encodeURIComponent("x=1,y=0.5")>  forward mode's seed direction
//   merge=1                                                    common subexpressions merged
//   panel=trace|error|slice|cost                               the teaching drawer open on a tab
//   collapse=h1,h2 (or empty: all expanded)                    bindings drawn as one block
//   out=2                                                      several outputs: the reverse pass follows y₂
// Decoding treats the hash as hostile: anything unexpected is rejected with a reason, never
// half-applied, and nothing in it is ever interpreted as anything but text and numbers.
import { pointFrom, pointGet, splitBlockNames } from '../../ad-core/index.ts';
import type { Bug, Mode, Point } from '../../ad-core/index.ts';
import { formatBugLink, parseBugLink } from '../store/bugs.ts';
import { formatTrainingLink, parseTrainingLink, TRAIN_LINK_KEYS, type TrainingLink } from '../train/link.ts';
import {
  DISPLAY_LINK_KEYS,
  formatDisplayLink,
  parseDisplayLink,
  type DisplayLink,
} from '../layout/display.ts';

export type SharedSeed = { kind: 'variable'; name: string } | { kind: 'custom'; vector: Point };
export const PANELS = ['trace', 'error', 'slice', 'cost', 'bugs', 'train'] as const;
export type SharedPanel = (typeof PANELS)[number];

export interface SharedState {
  formula: string;
  point: Point;
  mode?: Mode;
  step?: number;
  seed?: SharedSeed;
  merge?: boolean;
  /** The teaching drawer's open tab; absent: the drawer is closed. */
  panel?: SharedPanel;
  /** Bindings drawn as one block (`collapse=h1,h2`; empty: all expanded); absent: the default. */
  collapse?: string[];
  /** The bug lab's bug (`bug=assign`, `bug=drop:3`); absent: the correct pass. */
  bug?: Bug;
  /** Several outputs: the one followed, 0-based (`out=2` is 1); absent: the first. */
  output?: number;
  /** The Train tab's set-up (`params=`, `data=`, `lr=`, `opt=`, `batch=`, `train=`, `init=`). */
  train?: TrainingLink;
  /** Presenter mode, embedding and hidden parts (app/layout/display.ts); absent: the default. */
  display?: DisplayLink;
}

export type DecodeResult =
  { kind: 'empty' } | { kind: 'ok'; state: SharedState } | { kind: 'invalid'; reason: string };

/** Longer hashes are refused before any decoding work (a link is not a place for essays). */
export const MAX_HASH_LENGTH = 20_000;
export const MAX_FORMULA_LENGTH = 5_000;
const MAX_STEP = 1_000_000_000;

const KEYS = new Set(['f', 'at', 'mode', 'step', 'seed', 'merge', 'panel', 'bug', 'collapse', 'out']);
for (const key of TRAIN_LINK_KEYS) KEYS.add(key);
for (const key of DISPLAY_LINK_KEYS) KEYS.add(key);
// Whatever the lexer takes for a name, combining marks included (`x̂`), so every name the app
// writes into `at=` or `seed=` reads back.
const NAME = /^[\p{L}_][\p{L}\p{M}\p{N}_]*$/u;
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
// Markup and control characters are never part of a formula; their presence means the link was
// tampered with, so it is refused rather than shown.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[<>\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** What a hash may hold; a link from outside gets `LINK_LIMITS`, our own stored work none. */
export interface HashLimits {
  maxHash: number;
  maxFormula: number;
  markup: boolean;
}
export const LINK_LIMITS: HashLimits = {
  maxHash: MAX_HASH_LENGTH,
  maxFormula: MAX_FORMULA_LENGTH,
  markup: false,
};
export const STORED_LIMITS: HashLimits = { maxHash: Infinity, maxFormula: Infinity, markup: true };

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * `encodeURIComponent` that cannot throw: a lone surrogate (half of an emoji, typed or pasted) has
 * no UTF-8 form, so it is written as U+FFFD, which the lexer reports at the same place.
 */
export function encodeText(text: string): string {
  if (text.length >= REMEMBER_ENCODED_FROM && text === lastEncoded.text) return lastEncoded.out;
  const out = encodeURIComponent(text.replace(LONE_SURROGATE, '\uFFFD'));
  if (text.length >= REMEMBER_ENCODED_FROM) lastEncoded = { text, out };
  return out;
}

/**
 * The last long text encoded, and its encoding: the hash writer runs after every step, slider and
 * mode change, and encoding a pasted megabyte each time cost the page a long task for a formula
 * that had not changed.
 */
const REMEMBER_ENCODED_FROM = 10_000;
let lastEncoded = { text: '', out: '' };

/** The formula as a link carries it (lone surrogates replaced). */
export function linkText(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD');
}

/** `String(v)`, but negative zero keeps its sign. */
function numberText(v: number): string {
  return Object.is(v, -0) ? '-0' : String(v);
}

export function formatPoint(point: Point, order?: readonly string[]): string {
  const names = order ?? Object.keys(point);
  return names
    .filter((n) => pointGet(point, n) !== undefined)
    .map((n) => `${n}=${numberText(pointGet(point, n)!)}`)
    .join(',');
}

export function parsePoint(
  text: string,
): { ok: true; point: Point } | { ok: false; reason: string } {
  if (text.trim() === '') return { ok: true, point: {} };
  const entries: [string, number][] = [];
  const seen = new Set<string>();
  for (const part of text.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) return { ok: false, reason: `"${part.slice(0, 20)}" is not name=value` };
    const name = part.slice(0, eq).trim();
    const raw = part.slice(eq + 1).trim();
    if (!NAME.test(name)) return { ok: false, reason: 'a variable name is not valid' };
    if (seen.has(name)) return { ok: false, reason: `${name} is given twice` };
    if (!NUMBER.test(raw)) return { ok: false, reason: `the value of ${name} is not a number` };
    const value = Number(raw);
    if (!Number.isFinite(value)) return { ok: false, reason: `the value of ${name} is not finite` };
    seen.add(name);
    entries.push([name, value]);
  }
  // No prototype: a variable called __proto__ or constructor is an ordinary key.
  return { ok: true, point: pointFrom(entries) };
}

export function encodeHash(state: SharedState, order?: readonly string[]): string {
  let out = `#f=${encodeText(state.formula)}&at=${encodeText(formatPoint(state.point, order))}`;
  if (state.mode) out += `&mode=${state.mode}`;
  if (state.step !== undefined) out += `&step=${state.step}`;
  if (state.seed) {
    const seed =
      state.seed.kind === 'variable' ? state.seed.name : formatPoint(state.seed.vector, order);
    out += `&seed=${encodeText(seed)}`;
  }
  if (state.merge) out += '&merge=1';
  if (state.panel) out += `&panel=${state.panel}`;
  if (state.collapse) out += `&collapse=${state.collapse.map(encodeText).join(',')}`;
  if (state.bug) out += `&bug=${encodeText(formatBugLink(state.bug))}`;
  if (state.output) out += `&out=${state.output + 1}`;
  if (state.train) out += formatTrainingLink(state.train);
  if (state.display) out += formatDisplayLink(state.display);
  return out;
}

export function decodeHash(hash: string, limits: HashLimits = LINK_LIMITS): DecodeResult {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  if (body === '') return { kind: 'empty' };
  if (body.length > limits.maxHash) return { kind: 'invalid', reason: 'the link is too long' };

  const fields = new Map<string, string>();
  for (const part of body.split('&')) {
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    if (!KEYS.has(key)) return { kind: 'invalid', reason: 'the link has an unknown part' };
    if (fields.has(key)) return { kind: 'invalid', reason: 'the link repeats a part' };
    let value: string;
    try {
      value = decodeURIComponent(eq < 0 ? '' : part.slice(eq + 1));
    } catch {
      return { kind: 'invalid', reason: 'the link is not properly encoded' };
    }
    fields.set(key, value);
  }

  const formula = fields.get('f');
  if (formula === undefined) return { kind: 'invalid', reason: 'the link has no formula' };
  if (formula.length > limits.maxFormula)
    return { kind: 'invalid', reason: 'the formula in the link is too long' };
  if (!limits.markup && FORBIDDEN.test(formula))
    return { kind: 'invalid', reason: 'the formula in the link contains markup' };

  const at = parsePoint(fields.get('at') ?? '');
  if (!at.ok)
    return { kind: 'invalid', reason: `the point in the link is not valid: ${at.reason}` };

  const state: SharedState = { formula, point: at.point };
  const mode = fields.get('mode');
  if (mode !== undefined) {
    if (mode !== 'reverse' && mode !== 'forward')
      return { kind: 'invalid', reason: 'the mode in the link is unknown' };
    state.mode = mode;
  }
  const step = fields.get('step');
  if (step !== undefined) {
    if (!/^\d{1,10}$/.test(step) || Number(step) > MAX_STEP) {
      return { kind: 'invalid', reason: 'the step in the link is not a whole number' };
    }
    state.step = Number(step);
  }
  const seed = fields.get('seed');
  if (seed !== undefined) {
    if (seed.includes('=')) {
      const vector = parsePoint(seed);
      if (!vector.ok)
        return { kind: 'invalid', reason: `the seed in the link is not valid: ${vector.reason}` };
      state.seed = { kind: 'custom', vector: vector.point };
    } else if (NAME.test(seed)) {
      state.seed = { kind: 'variable', name: seed };
    } else {
      return { kind: 'invalid', reason: 'the seed in the link is not a variable' };
    }
  }
  const merge = fields.get('merge');
  if (merge !== undefined) {
    if (merge !== '0' && merge !== '1')
      return { kind: 'invalid', reason: 'the merge setting in the link is not 0 or 1' };
    state.merge = merge === '1';
  }
  const panel = fields.get('panel');
  if (panel !== undefined) {
    const known = PANELS.find((p) => p === panel);
    if (!known) return { kind: 'invalid', reason: 'the panel in the link is unknown' };
    state.panel = known;
  }
  const bug = fields.get('bug');
  if (bug !== undefined) {
    const parsed = parseBugLink(bug);
    if (!parsed.ok) return { kind: 'invalid', reason: parsed.reason };
    state.bug = parsed.bug;
  }
  const collapse = fields.get('collapse');
  if (collapse !== undefined) {
    // A call's block name has commas of its own: `neuron(x1, x2, w1, w2, b)`.
    const names = splitBlockNames(collapse);
    if (names === null || new Set(names).size !== names.length)
      return {
        kind: 'invalid',
        reason: 'the collapsed blocks in the link are not a list of names',
      };
    state.collapse = names;
  }
  const output = fields.get('out');
  if (output !== undefined) {
    // 1-based as the outputs are named (y₁, y₂, …); out=1 is the default and never written.
    if (!/^[1-9]\d{0,2}$/.test(output))
      return { kind: 'invalid', reason: 'the output in the link is not a whole number from 1' };
    if (output !== '1') state.output = Number(output) - 1;
  }
  const train = parseTrainingLink(fields);
  if (!train.ok) return { kind: 'invalid', reason: train.reason };
  if (train.link) state.train = train.link;
  const display = parseDisplayLink(fields);
  if (!display.ok) return { kind: 'invalid', reason: display.reason };
  if (display.link) state.display = display.link;
  return { kind: 'ok', state };
}
