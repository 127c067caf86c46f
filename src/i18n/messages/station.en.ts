/** English strings of the station screens. Every key must exist in station.es.ts (the type checks it). */
export const stationEn = {} as const;

export type StationMessageKey = keyof typeof stationEn;
