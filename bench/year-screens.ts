/**
 * The year's screens on the profile a pull left behind (the tablet reopened, its active class the year
 * class), at 4x CPU throttling, each a median over several visits after a warm-up:
 *
 * - `year.coldStartToClass.p50Ms`: a new load of the app (reload; the service worker serves the shell) until
 *   the class list shows every child with what they work on, painted. Measured from the navigation start.
 * - `year.studentPage.p50Ms`: from the settled class page, a tap on a child to their page (current target,
 *   next step, the first page of their evidence) painted.
 * - `year.overview.p50Ms`: from the settled class page, a tap on Overview to the grid (every row, the cells
 *   in view) painted (the overview bench's own script).
 * - `year.conferenceOpen.p50Ms`: from a child's settled page, a tap on Conference to the conference (current
 *   step, next step, the evidence timeline) painted.
 * - `year.familyReport.p50Ms`: from a child's settled page, a tap on Family report to the report painted.
 * - `year.myPath.p50Ms`: from the settled class page, the app's router to /my-path/<child> (an older
 *   student's own screen) until it shows their current target and their evidence, painted.
 * - `year.stationSignIn.p50Ms`: the tablet made a station for the year class; a child's tap on their own
 *   confirming picture to their home painted (the station bench's own script, 1 s between the taps).
 */
import { translate, loadAllLanguages, toLanguage } from '#i18n';
import { yearRows } from '#tests/helpers/year-class/index.ts';
import type { Page } from 'playwright-core';
import { median } from './chromium.ts';
import type { Metric } from './metric.ts';
import { OPEN_OVERVIEW_SCRIPT, type OverviewVisit } from './overview-bench.ts';
import { SIGN_IN_SCRIPT } from './station-bench.ts';
import {
  classShownInit,
  CPU_SLOWDOWN,
  navigate,
  openProfile,
  READY,
  settle,
  tap,
  throttle,
  timeVisit,
} from './year-browser.ts';
import type { YearServer } from './year-server.ts';

const WARM_UP = 1;
const VISITS = 9;
const PIN = '2580';

interface Child {
  readonly id: string;
  readonly name: string;
  readonly picture: string;
  readonly language: string;
}

export type ScreenTimes = Record<
  'coldStartToClass' | 'studentPage' | 'overview' | 'conferenceOpen' | 'familyReport' | 'myPath' | 'stationSignIn',
  number[]
>;

export async function measureScreens(server: Pick<YearServer, 'base' | 'year'>, profile: string): Promise<ScreenTimes> {
  const children = listedChildren(server);
  const { context, page } = await openProfile(profile);
  try {
    await page.goto(`${server.base}/class`);
    // A tablet with another class too (a demo class) shows the first until the teacher picks hers.
    const picker = page.getByLabel('Show class');
    const ready = page.waitForFunction(READY.classPage(children.length), null, { timeout: 120_000 });
    await Promise.race([ready, picker.waitFor({ timeout: 120_000 })]);
    if ((await picker.count()) > 0) await picker.selectOption(server.year.classId);
    await ready;
    await context.addInitScript(classShownInit(children.length));
    const cdp = await throttle(page);
    const times: ScreenTimes = {
      coldStartToClass: [],
      studentPage: [],
      overview: [],
      conferenceOpen: [],
      familyReport: [],
      myPath: [],
      stationSignIn: [],
    };
    const visits = WARM_UP + VISITS;
    const keep = (list: number[], visit: number, ms: number) => visit >= WARM_UP && list.push(ms);

    for (let visit = 0; visit < visits; visit++) {
      await page.reload();
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
      const shown = (await (
        await page.waitForFunction('window.__classShown', null, { timeout: 120_000, polling: 200 })
      ).jsonValue()) as number;
      keep(times.coldStartToClass, visit, shown);
      await settle(page);
    }
    for (let visit = 0; visit < visits; visit++) {
      const child = children[visit % children.length]!;
      await toClassPage(page, children.length);
      const overview = (await page.evaluate(`${OPEN_OVERVIEW_SCRIPT}(${children.length})`)) as OverviewVisit;
      keep(times.overview, visit, overview.ms);
      await toClassPage(page, children.length);
      keep(times.studentPage, visit, await timeVisit(page, tap(`/student/${child.id}`), READY.studentPage(child.name)));
      await settle(page);
      keep(
        times.conferenceOpen,
        visit,
        await timeVisit(page, tap(`/conference/${child.id}`), READY.conference(child.name)),
      );
      await page.goBack();
      await page.waitForFunction(READY.studentPage(child.name));
      await settle(page);
      keep(
        times.familyReport,
        visit,
        await timeVisit(page, tap(`/family-report/${child.id}`), READY.familyReport(child.name)),
      );
      await toClassPage(page, children.length);
      keep(times.myPath, visit, await timeVisit(page, navigate(`/my-path/${child.id}`), READY.myPath(child.name)));
    }
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await startStation(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await loadAllLanguages();
    for (let visit = 0; visit < visits; visit++) {
      const child = children[visit % children.length]!;
      const gridLabel = `${child.name.split(' ')[0]}, ${translate('en', `picture.${child.picture}`)}`;
      const pictureLabel = translate(toLanguage(child.language), `picture.${child.picture}`);
      const args = JSON.stringify({ gridLabel, pictureLabel, pauseMs: 1000 });
      keep(times.stationSignIn, visit, (await page.evaluate(`${SIGN_IN_SCRIPT}(${args})`)) as number);
      await page.getByRole('button', { name: /All done|Terminé|Listo/ }).click();
      await page.getByRole('list', { name: /Who are you/ }).waitFor();
    }
    return times;
  } finally {
    await context.close();
  }
}

export function screenMetrics(times: ScreenTimes): Record<string, Metric> {
  const metric = (list: number[], what: string): Metric => ({
    value: Math.round(median(list)),
    unit: 'ms',
    detail: `${CPU_SLOWDOWN}x CPU throttling, 1024×768; ${what}; median of ${list.length} visits after ${WARM_UP} warm-up (min ${Math.round(Math.min(...list))}, max ${Math.round(Math.max(...list))})`,
  });
  return {
    'year.coldStartToClass.p50Ms': metric(times.coldStartToClass, 'reload until every child’s row shows their target'),
    'year.studentPage.p50Ms': metric(times.studentPage, 'class page → a child’s page with the first evidence'),
    'year.overview.p50Ms': metric(times.overview, 'class page → the overview grid'),
    'year.conferenceOpen.p50Ms': metric(times.conferenceOpen, 'child’s page → conference with the timeline'),
    'year.familyReport.p50Ms': metric(times.familyReport, 'child’s page → family report'),
    'year.myPath.p50Ms': metric(times.myPath, 'class page → My path (router navigation)'),
    'year.stationSignIn.p50Ms': metric(times.stationSignIn, 'confirming picture → the child’s home'),
  };
}

async function toClassPage(page: Page, rows: number): Promise<void> {
  await page.getByRole('link', { name: 'Class', exact: true }).click();
  await page.waitForFunction(READY.classPage(rows), null, { timeout: 120_000 });
  await settle(page);
}

async function startStation(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Station', exact: true }).click();
  await page.getByLabel('Choose a teacher PIN (at least 4 digits)').fill(PIN);
  await page.getByLabel('Type the PIN again').fill(PIN);
  await page.getByRole('button', { name: 'Start the station' }).click();
  await page.getByRole('list', { name: /Who are you/ }).waitFor({ timeout: 120_000 });
}

/** The children on the class list at the end of the year, each with their name, picture and family language. */
function listedChildren(server: Pick<YearServer, 'year'>): Child[] {
  const students = yearRows(server.year).get('students')!;
  return server.year.listedStudentIds.map((id) => {
    const row = students.get(id)!;
    return {
      id,
      name: String(row['displayName']),
      picture: String(row['picture']),
      language: String(row['familyLanguage']),
    };
  });
}
