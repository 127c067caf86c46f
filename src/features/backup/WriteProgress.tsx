import { useT } from '#ui/useT.ts';

/** How far a file being written has come: a progress bar with its percentage, read out as it moves. */
export function WriteProgress({ label, done, total }: { label: string; done: number; total: number }) {
  const { language } = useT();
  const share = total > 0 ? Math.min(1, done / total) : 0;
  const percent = new Intl.NumberFormat(language, { style: 'percent' }).format(share);
  return (
    <p className="write-progress">
      <progress value={share} max={1} aria-label={label} aria-valuetext={percent} /> <span>{percent}</span>
    </p>
  );
}
