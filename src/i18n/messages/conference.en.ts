/** English strings of the conference screens. Every key must exist in conference.es.ts (the type checks it). */
export const conferenceEn = {} as const;

export type ConferenceMessageKey = keyof typeof conferenceEn;
