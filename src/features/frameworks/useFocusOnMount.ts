import { useEffect, useRef } from 'react';

/** Moves keyboard and screen-reader focus to a heading when a view replaces another on the same page. */
export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => ref.current?.focus(), []);
  return ref;
}
