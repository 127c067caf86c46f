import type { StationMessageKey } from './station.en.ts';

export const stationEs: Record<StationMessageKey, string> = {};
