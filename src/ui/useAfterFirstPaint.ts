import { useEffect, useState } from 'react';
import { afterFirstPaint } from './after-first-paint.ts';

/** False while a component's first frame is prepared, true once it is painted (see after-first-paint.ts). */
export function useAfterFirstPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => (painted ? undefined : afterFirstPaint(() => setPainted(true))), [painted]);
  return painted;
}
