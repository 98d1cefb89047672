// Points are maps keyed by the user's variable names, and `__proto__`, `constructor` or
// `toString` are legal names: a plain `{}` would drop a write to `__proto__` and answer a read of
// `constructor` with a function. Every point built from names goes through these helpers.
import type { Point } from './types.ts';

/** An empty point with no prototype, so every name is an ordinary key. */
export function emptyPoint(): Point {
  return Object.create(null) as Point;
}

/** A null-prototype point from name/value pairs (later pairs win). */
export function pointFrom(entries: Iterable<readonly [string, number]>): Point {
  const out = emptyPoint();
  for (const [name, value] of entries) out[name] = value;
  return out;
}

/** A null-prototype copy of `point` (own keys only). */
export function copyPoint(point: Readonly<Point>): Point {
  return pointFrom(Object.entries(point));
}

/** The value stored under `name`, or undefined: never an inherited member such as `toString`. */
export function pointGet(point: Readonly<Point>, name: string): number | undefined {
  if (!Object.hasOwn(point, name)) return undefined;
  const v = point[name];
  return typeof v === 'number' ? v : undefined;
}

/**
 * The names JavaScript objects already answer to, the corpus that tests run as variables and
 * bindings to make sure each is treated as an ordinary name.
 */
export const JS_OBJECT_NAMES: readonly string[] = [
  '__proto__',
  'constructor',
  'toString',
  'toLocaleString',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'valueOf',
  'prototype',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
  'length',
  'name',
  'caller',
  'arguments',
  'then',
  'toJSON',
];
