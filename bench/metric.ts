/** One benchmark figure, as written to bench/results.json. */
export interface Metric {
  readonly value: number;
  readonly unit: string;
  readonly detail?: string;
}
