/** Paper for printing the report. Margins of 12 mm leave the same printable width on A4 and Letter within 6 mm. */
export const PAPER_SIZES = ['a4', 'letter'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

/** Regions where Letter is the usual paper (the Americas that use it, and the Philippines). */
const LETTER_REGIONS = new Set(['US', 'CA', 'MX', 'CO', 'VE', 'CL', 'GT', 'CR', 'PA', 'DO', 'SV', 'PR', 'PH']);

/** The usual paper where the device is, from its locale (e.g. 'es-MX' → Letter, 'es-ES' → A4). */
export function defaultPaperSize(locale: string): PaperSize {
  const region = locale.split('-').find((part, i) => i > 0 && /^[A-Za-z]{2}$/.test(part));
  return region && LETTER_REGIONS.has(region.toUpperCase()) ? 'letter' : 'a4';
}

/** The print rule for the chosen paper; the page injects it, so the print dialog starts on the right size. */
export function pageRule(paper: PaperSize): string {
  return `@media print { @page { size: ${paper === 'a4' ? 'A4' : 'letter'} portrait; margin: 12mm; } }`;
}
