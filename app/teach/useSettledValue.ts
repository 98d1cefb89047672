import { useEffect, useState } from 'react';

/**
 * `value` once it has stopped changing for `quietMs`; the first value at once. For work a reader
 * does not need on every keystroke (typesetting a whole formula is tens of milliseconds that
 * would otherwise sit between one keystroke and the next while typing).
 */
export function useSettledValue<T>(value: T, quietMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (Object.is(value, settled)) return;
    const timer = setTimeout(() => setSettled(value), quietMs);
    return () => clearTimeout(timer);
  }, [value, settled, quietMs]);
  return settled;
}
