import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';

/** True while the page prints (print dialog or PDF, and print media emulation). */
export function usePrinting(): boolean {
  const [printing, setPrinting] = useState(() => window.matchMedia?.('print').matches ?? false);
  useEffect(() => {
    // flushSync: the print layout is taken right after beforeprint, so what prints must be there by then.
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(window.matchMedia?.('print').matches ?? false);
    const query = window.matchMedia?.('print');
    const onChange = (event: MediaQueryListEvent) => (event.matches ? before() : after());
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    query?.addEventListener('change', onChange);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
      query?.removeEventListener('change', onChange);
    };
  }, []);
  return printing;
}
