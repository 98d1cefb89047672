import { useMemo, useRef } from 'react';

/**
 * For a menu (a <select>) that changes what the page shows: once an item was picked with the
 * mouse or a finger, focus leaves the menu, so Space, ←/→ and Home/End drive the player again
 * instead of the menu (Home on a focused <select> would switch to its first item). Picked with
 * the keyboard, focus stays where the keyboard user left it.
 */
export function usePointerPick() {
  const byPointer = useRef(false);
  return useMemo(
    () => ({
      handlers: {
        onPointerDown: () => {
          byPointer.current = true;
        },
        onKeyDown: () => {
          byPointer.current = false;
        },
      },
      picked(menu: HTMLSelectElement) {
        if (!byPointer.current) return;
        byPointer.current = false;
        menu.blur();
      },
    }),
    [],
  );
}
