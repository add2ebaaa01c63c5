import { useEffect, useLayoutEffect, useRef, useState } from 'react';

/** Focuses `element` once the closing dialog has let go of the focus, if it is still on the page. */
function refocus(element: Element | null): void {
  if (!(element instanceof HTMLElement)) return;
  window.setTimeout(() => {
    if (element.isConnected) element.focus();
  }, 0);
}

/**
 * Gives the focus back to what opened a dialog (the button pressed) when the dialog closes, so
 * that a keyboard or screen-reader user carries on where they were instead of at the top of the
 * page. For a dialog shown while `open` is true, and for one that is mounted only while shown
 * (leave `open` out): the focused element is remembered as it opens and focused again as it
 * closes or unmounts.
 */
export function useReturnFocus(open = true): void {
  // A dialog mounted open: what had the focus when it first rendered.
  const [atMount] = useState<Element | null>(() => (open ? document.activeElement : null));
  const opener = useRef<Element | null>(atMount);
  useLayoutEffect(() => {
    if (open && opener.current === null) opener.current = document.activeElement;
    if (!open && opener.current !== null) {
      refocus(opener.current);
      opener.current = null;
    }
  }, [open]);
  useEffect(
    () => () => {
      refocus(opener.current);
    },
    [],
  );
}
