/**
 * English for every screen but the first: its own chunk, loaded just after the first render (and by each
 * other screen before it shows: see App.tsx), so the first screen's JavaScript carries only what the
 * header and the class page say (catalog index.ts, `englishFirst`).
 */
import { rulesEn } from './messages/rules.en.ts';
import { conferenceEn } from './messages/conference.en.ts';
import { captureEn } from './messages/capture.en.ts';
import { stationEn } from './messages/station.en.ts';
import { deskEn } from './messages/desk.en.ts';
import { targetsEn } from './messages/targets.en.ts';
import { exportsEn } from './messages/exports.en.ts';
import { familyEn } from './messages/family.en.ts';
import { schoolEn } from './messages/school.en.ts';
import { accountEn } from './messages/account.en.ts';
import { pathsEn } from './messages/paths.en.ts';
import { syncEn } from './messages/sync.en.ts';
import { rolesEn } from './messages/roles.en.ts';
import { rosterEn } from './messages/roster.en.ts';
import { yearEn } from './messages/year.en.ts';

export const englishMore = {
  ...rulesEn,
  ...conferenceEn,
  ...captureEn,
  ...stationEn,
  ...deskEn,
  ...targetsEn,
  ...exportsEn,
  ...familyEn,
  ...schoolEn,
  ...accountEn,
  ...pathsEn,
  ...syncEn,
  ...rolesEn,
  ...rosterEn,
  ...yearEn,
};
