import type { ConferenceMessageKey } from './conference.en.ts';

export const conferenceEs: Record<ConferenceMessageKey, string> = {};
