/** Spanish: its own chunk, loaded by loadLanguage('es'). The type makes a missing Spanish string an error. */
import type { Catalog } from './index.ts';
import { appEs } from './messages/app.es.ts';
import { picturesEs } from './messages/pictures.es.ts';
import { rulesEs } from './messages/rules.es.ts';
import { conferenceEs } from './messages/conference.es.ts';
import { captureEs } from './messages/capture.es.ts';
import { stationEs } from './messages/station.es.ts';
import { deskEs } from './messages/desk.es.ts';
import { targetsEs } from './messages/targets.es.ts';
import { exportsEs } from './messages/exports.es.ts';
import { familyEs } from './messages/family.es.ts';
import { schoolEs } from './messages/school.es.ts';
import { accountEs } from './messages/account.es.ts';
import { pathsEs } from './messages/paths.es.ts';
import { syncEs } from './messages/sync.es.ts';
import { rolesEs } from './messages/roles.es.ts';
import { rosterEs } from './messages/roster.es.ts';
import { yearEs } from './messages/year.es.ts';

export const es: Catalog = {
  ...appEs,
  ...picturesEs,
  ...rulesEs,
  ...conferenceEs,
  ...captureEs,
  ...stationEs,
  ...deskEs,
  ...targetsEs,
  ...exportsEs,
  ...familyEs,
  ...schoolEs,
  ...accountEs,
  ...pathsEs,
  ...syncEs,
  ...rolesEs,
  ...rosterEs,
  ...yearEs,
};
