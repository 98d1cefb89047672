// How numbers and Wengert names are written for people. Display strings use the Unicode minus
// sign (U+2212 `−`) everywhere, including exponents and ∞, so columns of numbers line up and read
// well on a projector; `dataNumber` gives the exact machine form for `data-*` attributes.

const MINUS = '−';
const SUBSCRIPT_DIGITS = '₀₁₂₃₄₅₆₇₈₉';

/**
 * `x` to `digits` significant digits: `2`, `0.5`, `10`, `−0.5440`, `3.142`.
 * Trailing zeros are written only when they are significant, i.e. when the value was rounded
 * (sin(10) = −0.5440…, shown `−0.5440`); exact values carry no zero padding (`2`, not `2.000`).
 * Magnitudes below 1e−4, from 1e6 up, or past `digits` integer digits when rounded, use exponent
 * form `1.235e−7`. Non-finite values are written out: `NaN`, `∞`, `−∞`. Negative zero shows `0`.
 */
export function formatNumber(x: number, digits = 4): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return '∞';
  if (x === -Infinity) return `${MINUS}∞`;
  if (x === 0) return '0';
  const d = Math.min(17, Math.max(1, Math.round(digits)));
  const ax = Math.abs(x);
  const sign = x < 0 ? MINUS : '';
  // Decide the form from the value after rounding, so 999999.6 becomes 1e6 and not 1000000.
  const rounded = Number(ax.toPrecision(d));
  const exact = rounded === ax;
  const tidy = (s: string) => (exact ? trimZeros(s) : s);
  let body: string;
  if (rounded < 1e-4 || rounded >= 1e6 || (!exact && rounded >= 10 ** d)) {
    const [mantissa = '', exponent = '0'] = rounded.toExponential(d - 1).split('e');
    const exp = Number(exponent);
    body = `${tidy(mantissa)}e${exp < 0 ? MINUS : ''}${Math.abs(exp)}`;
  } else {
    body = tidy(rounded.toFixed(Math.max(0, d - 1 - Math.floor(Math.log10(rounded)))));
  }
  return sign + body;
}

function trimZeros(s: string): string {
  if (!s.includes('.')) return s;
  return s.replace(/0+$/, '').replace(/\.$/, '');
}

/** The full-precision form for `data-*` attributes and JSON: exactly `String(x)`. */
export function dataNumber(x: number): string {
  return String(x);
}

/** An integer as Unicode subscript digits: `-1` → `₋₁`, `12` → `₁₂`. */
export function subscript(n: number): string {
  // A loop, not split/map/join: every node of a 500,000-node tape is named with one.
  const plain = String(Math.abs(Math.trunc(n)));
  let digits = '';
  for (let i = 0; i < plain.length; i++) {
    const d = plain.charCodeAt(i) - 48;
    digits += d >= 0 && d <= 9 ? SUBSCRIPT_DIGITS[d]! : plain[i]!;
  }
  return n < 0 ? `₋${digits}` : digits;
}

/** A number literal as a constant node shows it: shortest exact form, Unicode minus. */
export function literalName(x: number): string {
  if (x === Infinity) return '∞';
  const s = String(x).replace('Infinity', '∞');
  return s.replace(/-/g, MINUS);
}
