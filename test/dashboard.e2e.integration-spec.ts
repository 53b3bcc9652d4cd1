import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { adminKafka, ensureTopics, KafkaPublisher, topicSpecs } from '@mcm/kafka';
import { DataSource, dataSourceOptions } from '@mcm/persistence';
import { addWeeks, isoWeekLabel, normaliseEvent, referenceData, weekCommencing, weekEndInstant, weekStartOfLabel } from '@mcm/shared';
import { aMissingReport } from '@mcm/shared/testing/event-factory';
import { Browser, chromium, Page } from 'playwright-core';
import { BulletinService, createBatchAggregator } from '../apps/aggregator/src';
import { mintToken } from '../apps/api/src';
import { DETERMINISTIC_LINKAGE, harnessEnv, IsolatedPipeline, LOG_DIR } from '../tools/harness/src';
import { TEST_SECRETS } from './support/test-secrets';

/**
 * The dashboard end to end in real headless Chromium (Debian's `chromium` package, driven by
 * playwright-core; installed with apt-get when missing): sign in, change filters, and check that
 * every figure on screen equals what the API answers for the same parameters and token.
 */
const CHROMIUM = '/usr/bin/chromium';
const JWT_SECRET = 'dashboard-e2e-secret-0123456789abcdef';
const TOKEN_SETTINGS = { secret: JWT_SECRET, issuer: 'missing-children-monitor', audience: 'mcm-api' };
const SETTINGS = ['HOME', 'CARE', 'EDUCATION'] as const;
const LAS = ['E09000033', 'E09000001', 'E09000033', 'E08000025', 'E06000001'];
const LONDON = 'E12000007';

type Figures = Record<'children' | 'episodesStarted' | 'episodesEnded' | 'episodesOpenAtWeekEnd', number> & {
  week: string;
  weekCommencing: string;
  flags: Record<string, 'p' | 'r' | 'x' | null>;
};

/** Debian's chromium, installed if missing (root only); otherwise a failure that names the cause. */
function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return;
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!asRoot)
    throw new Error(
      `${CHROMIUM} is missing and this user is not root, so the spec cannot run "apt-get install -y chromium": install Debian's chromium package first`,
    );
  const apt = (args: string[]) =>
    execFileSync('apt-get', args, { stdio: 'inherit', timeout: 300_000, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  try {
    apt(['install', '-y', '--no-install-recommends', 'chromium']);
  } catch {
    try {
      apt(['update']);
      apt(['install', '-y', '--no-install-recommends', 'chromium']);
    } catch (error) {
      throw new Error(`could not install Debian's chromium with apt-get (${(error as Error).message}); install it and run again`);
    }
  }
  if (!existsSync(CHROMIUM)) throw new Error(`apt-get installed chromium but ${CHROMIUM} is still missing`);
}

describe('dashboard at / (headless Chromium against the running api)', () => {
  const pipeline = new IsolatedPipeline('dashboard', { ...DETERMINISTIC_LINKAGE, JWT_SECRET });
  const publisher = new KafkaPublisher(adminKafka('test-dashboard', harnessEnv()));
  let dataSource: DataSource;
  let browser: Browser;
  let statistician: string;
  let analyst: string;
  const lastWeekStart = addWeeks(weekCommencing(new Date()), -1);
  const lastWeek = isoWeekLabel(lastWeekStart);
  const base = () => `http://127.0.0.1:${pipeline.apiPort}`;

  async function apiAs(token: string, path: string): Promise<{ status: number; body: any }> {
    const response = await fetch(`${base()}${path}`, { headers: { Authorization: `Bearer ${token}` } });
    const text = await response.text();
    return { status: response.status, body: text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text };
  }
  async function weekly(token: string, params: Record<string, string>): Promise<Figures[]> {
    return (await weeklyAnswer(token, params)).weeks;
  }
  async function weeklyAnswer(
    token: string,
    params: Record<string, string>,
  ): Promise<{ disclosure: { method: string; note: string }; weeks: Figures[] }> {
    const { status, body } = await apiAs(token, `/v1/incidence/weekly?${new URLSearchParams(params)}`);
    expect(status).toBe(200);
    return body;
  }
  const onScreen = (value: number) => value.toLocaleString('en-GB');

  async function signIn(page: Page, token: string): Promise<void> {
    await page.goto(`${base()}/`);
    await page.fill('#token', token);
    await page.click('#sign-in-button');
    await page.waitForSelector('#main-content[data-state="ready"]', { timeout: 20_000 });
  }
  async function choose(page: Page, select: string, value: string, expectShown: string): Promise<void> {
    await page.selectOption(select, value);
    await page.waitForSelector(`#main-content[data-state="ready"][data-shown="${expectShown}"]`, { timeout: 20_000 });
  }

  /** Everything on screen (headline, by-setting table, trend table, area table) against the API. */
  async function expectScreenEqualsApi(page: Page, token: string, week: string, setting: string, area: string): Promise<void> {
    expect(await page.getAttribute('#main-content', 'data-shown')).toBe([week, setting, area].join('|'));
    const from = isoWeekLabel(addWeeks(weekStartOfLabel(week)!, -51));
    const series: Record<string, Figures[]> = {};
    for (const s of ['ALL', ...SETTINGS]) series[s] = await weekly(token, { from, to: week, setting: s, la: area });
    const [now, before] = [series[setting][51], series[setting][50]];
    expect(now.week).toBe(week);
    expect(await page.textContent('#headline-children')).toBe(onScreen(now.children));
    expect(await page.textContent('#headline-episodes')).toBe(onScreen(now.episodesStarted));
    expect(await page.textContent('#headline-open')).toBe(onScreen(now.episodesOpenAtWeekEnd));
    expect(await page.textContent('#headline-children-change')).toContain(onScreen(before.children));
    for (const s of ['ALL', ...SETTINGS]) {
      for (const [i, measure] of [
        [51, 'children'],
        [50, 'children'],
        [51, 'episodesStarted'],
        [50, 'episodesStarted'],
      ] as const) {
        const text = await page.textContent(`#headline-body td[data-setting="${s}"][data-measure="${measure}"][data-week="${series[s][i].week}"]`);
        expect(`${s} ${measure} ${series[s][i].week}: ${text}`).toBe(`${s} ${measure} ${series[s][i].week}: ${onScreen(series[s][i][measure])}`);
      }
    }
    const trend = await page.$$eval('#trend-body td[data-setting]', (cells) =>
      cells.map((c) => `${c.getAttribute('data-setting')} ${c.getAttribute('data-week')}: ${c.textContent}`),
    );
    const shownSettings = setting === 'ALL' ? SETTINGS : [setting];
    expect(trend.sort()).toEqual(shownSettings.flatMap((s) => series[s].map((w) => `${s} ${w.week}: ${onScreen(w.children)}`)).sort());

    const rows = await page.$$eval('#areas-body tr', (trs) =>
      trs.map((tr) => ({
        area: tr.getAttribute('data-area')!,
        cells: Object.fromEntries([...tr.querySelectorAll('td[data-measure]')].map((td) => [td.getAttribute('data-measure'), td.textContent])),
        flags: Object.fromEntries(
          [...tr.querySelectorAll('td[data-measure]')].map((td) => [td.getAttribute('data-measure'), td.getAttribute('data-flag')]),
        ),
      })),
    );
    const region =
      area === 'ALL' || area === 'UNKNOWN' ? undefined : area.startsWith('E12') ? area : referenceData().localAuthorities.get(area)!.regionCode;
    const expectedAreas = region
      ? [region, ...[...referenceData().localAuthorities.values()].filter((la) => la.regionCode === region).map((la) => la.code)]
      : ['ALL', ...referenceData().regions.keys(), 'UNKNOWN'];
    expect(rows.map((r) => r.area).sort()).toEqual(expectedAreas.sort());
    for (const row of rows) {
      const [figures] = await weekly(token, { from: week, to: week, setting, la: row.area });
      expect({ area: row.area, ...row.cells }).toEqual({
        area: row.area,
        children: onScreen(figures.children),
        episodesStarted: onScreen(figures.episodesStarted),
        episodesEnded: onScreen(figures.episodesEnded),
        episodesOpenAtWeekEnd: onScreen(figures.episodesOpenAtWeekEnd),
      });
      // The API's p/r/x markers, beside the same figures.
      expect({ area: row.area, ...row.flags }).toEqual({ area: row.area, ...figures.flags });
    }
    // The API's own sentence on how its figures are protected, shown above them.
    const { disclosure } = await weeklyAnswer(token, { from: week, to: week, setting, la: area });
    expect(await page.isVisible('#disclosure-note')).toBe(true);
    expect(await page.textContent('#disclosure-note')).toBe(disclosure.note);
    expect(await page.getAttribute('#disclosure-note', 'data-method')).toBe(disclosure.method);
  }

  beforeAll(async () => {
    ensureChromium();
    await pipeline.start(['api']);
    dataSource = await new DataSource(dataSourceOptions(pipeline.db.url)).initialize();
    await ensureTopics(pipeline.kafka, topicSpecs(pipeline.topics));
    await publisher.connect();
    // 90 children over the last four complete weeks, in four LAs (three regions), three settings;
    // every tenth still missing, the others back within hours.
    const events = Array.from({ length: 90 }, (_, i) => {
      const weekStart = addWeeks(lastWeekStart, -(i % 4 === 3 ? 3 : i % 3));
      const occurredAt = new Date(Date.parse(`${weekStart}T09:00:00Z`) + (i % 5) * 86_400_000).toISOString();
      const reportedAt = new Date(Date.parse(occurredAt) + 3_600_000).toISOString();
      const base = {
        agencyChildRef: `C-${i}`,
        agencyEpisodeRef: `E-${i}`,
        setting: SETTINGS[Math.floor(i / 5) % 3],
        child: { givenName: `CHILD${i}`, familyName: 'DASHBOARD', dateOfBirth: '2011-05-01', responsibleLaCode: LAS[i % LAS.length] },
      };
      const reported = normaliseEvent(aMissingReport({ ...base, eventId: randomUUID(), occurredAt, reportedAt }));
      if (i % 10 === 0) return [reported];
      const back = new Date(Date.parse(occurredAt) + 5 * 3_600_000).toISOString();
      return [
        reported,
        normaliseEvent(
          aMissingReport({ ...base, eventId: randomUUID(), kind: 'RETURNED', occurredAt: back, reportedAt: back, missingSince: occurredAt } as never),
        ),
      ];
    }).flat();
    // The force reports again just after last week's end (child 0 found), so last week is complete:
    // the dashboard, like the API, opens on the last complete week.
    const afterWeek = new Date(Math.min(weekEndInstant(lastWeekStart).getTime() + 60_000, Date.now())).toISOString();
    events.push(
      normaliseEvent(
        aMissingReport({
          eventId: randomUUID(),
          kind: 'RETURNED',
          agencyChildRef: 'C-0',
          agencyEpisodeRef: 'E-0',
          setting: SETTINGS[0],
          occurredAt: afterWeek,
          reportedAt: afterWeek,
          missingSince: new Date(`${lastWeekStart}T09:00:00Z`).toISOString(),
          child: { givenName: 'CHILD0', familyName: 'DASHBOARD', dateOfBirth: '2011-05-01', responsibleLaCode: LAS[0] },
        } as never),
      ),
    );
    await createBatchAggregator(dataSource, TEST_SECRETS).apply(events.map((event, i) => ({ event, partition: 0, offset: String(i) })));
    await new BulletinService(dataSource, publisher, {
      silentDaysFlag: 14,
      methodologyUrl: '/m',
      contact: 't',
      topic: pipeline.topics.bulletins,
    }).build(lastWeekStart);
    statistician = await mintToken({ sub: 'stella', role: 'statistician' }, TOKEN_SETTINGS);
    analyst = await mintToken({ sub: 'anna', role: 'analyst' }, TOKEN_SETTINGS);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  }, 360_000);

  afterAll(async () => {
    await browser?.close();
    await publisher.disconnect();
    await dataSource?.destroy();
    await pipeline.stop();
  });

  it('serves the page and its assets without a token, but shows no figures before sign-in', async () => {
    for (const path of [
      '/',
      '/dashboard/dashboard.js',
      '/dashboard/dashboard.css',
      '/dashboard/vendor/chart.umd.min.js',
      '/dashboard/vendor/govuk-frontend.min.css',
      '/assets/images/favicon.svg',
    ]) {
      expect(`${path} ${(await fetch(`${base()}${path}`)).status}`).toBe(`${path} 200`);
    }
    expect((await fetch(`${base()}/dashboard/../package.json`)).status).toBe(404);
    expect((await fetch(`${base()}/v1/incidence/weekly`)).status).toBe(401);

    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`${base()}/`);
    await page.waitForSelector('#main-content[data-state="signed-out"]');
    expect(await page.isVisible('#sign-in-form')).toBe(true);
    expect(await page.isHidden('#dashboard')).toBe(true);
    expect((await page.textContent('#headline-children'))!.trim()).toBe('');
    expect(requests.filter((u) => u.includes('/v1/'))).toEqual([]);
    expect(requests.every((u) => u.startsWith(base()))).toBe(true);

    await page.fill('#token', `${statistician.slice(0, -4)}AAAA`);
    await page.click('#sign-in-button');
    await page.waitForSelector('#token-error:not([hidden])');
    expect(await page.textContent('#token-error')).toContain('not accepted');
    expect(await page.isHidden('#dashboard')).toBe(true);
    await page.close();
  });

  it('signs in and shows the same figures as the API, then follows the filters', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 1800 } });
    const page = await context.newPage();
    const urls: string[] = [];
    const problems: string[] = [];
    page.on('request', (r) => urls.push(r.url()));
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    await signIn(page, statistician);
    expect(await page.inputValue('#filter-week')).toBe(lastWeek);
    expect(await page.evaluate("sessionStorage.getItem('mcm.dashboard.token')")).toBe(statistician);
    expect(urls.some((u) => u.includes(statistician))).toBe(false);
    await expectScreenEqualsApi(page, statistician, lastWeek, 'ALL', 'ALL');
    expect(Number((await page.textContent('#headline-children'))!.replace(/,/g, ''))).toBeGreaterThan(0);

    // The latest bulletin: its week and a link to its HTML (fetched with the token).
    expect(await page.getAttribute('#bulletin-link', 'data-week')).toBe(lastWeek);
    expect(await page.getAttribute('#bulletin-link', 'data-source')).toBe(`/v1/bulletins/${lastWeek}.html`);
    await page.waitForSelector('#bulletin-link[href^="blob:"]', { state: 'attached' });
    expect(await page.textContent('#bulletin-week')).toContain(lastWeek);

    // A chart is drawn, with its table alternative.
    expect(Number(await page.getAttribute('#trend-chart', 'width'))).toBeGreaterThan(0);
    expect(await page.textContent('#trend-title')).toMatch(/^Children going missing/);

    await choose(page, '#filter-setting', 'CARE', `${lastWeek}|CARE|ALL`);
    await expectScreenEqualsApi(page, statistician, lastWeek, 'CARE', 'ALL');

    await choose(page, '#filter-region', LONDON, `${lastWeek}|CARE|${LONDON}`);
    await expectScreenEqualsApi(page, statistician, lastWeek, 'CARE', LONDON);

    await choose(page, '#filter-la', 'E09000033', `${lastWeek}|CARE|E09000033`);
    await expectScreenEqualsApi(page, statistician, lastWeek, 'CARE', 'E09000033');

    await choose(page, '#filter-setting', 'HOME', `${lastWeek}|HOME|E09000033`);
    await expectScreenEqualsApi(page, statistician, lastWeek, 'HOME', 'E09000033');

    const previous = isoWeekLabel(addWeeks(lastWeekStart, -1));
    await choose(page, '#filter-week', previous, `${previous}|HOME|E09000033`);
    await expectScreenEqualsApi(page, statistician, previous, 'HOME', 'E09000033');

    // CSV of what is shown: the area table as on screen.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-areas')]);
    const csv = readFileSync((await download.path())!, 'utf8')
      .trim()
      .split(/\r?\n/);
    expect(csv[0]).toBe('week,setting,area_code,area_name,children,episodesStarted,episodesEnded,episodesOpenAtWeekEnd');
    const westminster = csv.find((line) => line.includes(',E09000033,'))!.split(',');
    const [figures] = await weekly(statistician, { from: previous, to: previous, setting: 'HOME', la: 'E09000033' });
    expect(westminster).toEqual([
      previous,
      'HOME',
      'E09000033',
      'Westminster',
      String(figures.children),
      String(figures.episodesStarted),
      String(figures.episodesEnded),
      String(figures.episodesOpenAtWeekEnd),
    ]);

    await choose(page, '#filter-week', lastWeek, `${lastWeek}|HOME|E09000033`);
    mkdirSync(LOG_DIR, { recursive: true });
    await page.screenshot({ path: join(LOG_DIR, 'dashboard.png'), fullPage: true });

    expect(problems).toEqual([]); // no script errors, nothing refused by the Content-Security-Policy
    await page.click('#sign-out');
    await page.waitForSelector('#main-content[data-state="signed-out"]');
    expect(await page.isHidden('#dashboard')).toBe(true);
    expect(await page.evaluate("sessionStorage.getItem('mcm.dashboard.token')")).toBeNull();
    await context.close();
  });

  it("shows an analyst what the API gives an analyst: the cell-key method's figures, named in one sentence, never 1 to 4", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1200 } });
    await signIn(page, analyst);
    await expectScreenEqualsApi(page, analyst, lastWeek, 'ALL', 'ALL');
    await choose(page, '#filter-region', LONDON, `${lastWeek}|ALL|${LONDON}`);
    await expectScreenEqualsApi(page, analyst, lastWeek, 'ALL', LONDON);
    expect(await page.getAttribute('#disclosure-note', 'data-method')).toBe('cell-key');
    expect(await page.textContent('#disclosure-note')).toMatch(/cell-key method/);
    const shown = await page.$$eval('#headline-body td[data-measure], #trend-body td[data-setting], #areas-body td[data-measure]', (cells) =>
      cells.map((c) => Number((c.textContent ?? '').replace(/,/g, ''))),
    );
    expect(shown.length).toBeGreaterThan(0);
    for (const v of shown) expect(v >= 1 && v <= 4).toBe(false);
    expect(await page.$('#suppression-legend')).toBeNull();
    // The statistician's exact figures for the same view include small counts, so the above means something.
    let small = false;
    for (const la of [LONDON, 'E09000001', 'E09000033']) {
      for (const s of ['ALL', ...SETTINGS]) {
        for (const exact of await weekly(statistician, { from: isoWeekLabel(addWeeks(lastWeekStart, -51)), to: lastWeek, setting: s, la })) {
          small ||= [exact.children, exact.episodesStarted, exact.episodesEnded, exact.episodesOpenAtWeekEnd].some((v) => v >= 1 && v <= 4);
        }
      }
    }
    expect(small).toBe(true);
    await page.close();
  });

  it('renders the GOV.UK header whole: nothing clipped at the top', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${base()}/`);
    const header = (await page.locator('header.govuk-header').boundingBox())!;
    const name = (await page.locator('.govuk-header__product-name').boundingBox())!;
    expect(await page.textContent('.govuk-header__product-name')).toBe('Missing Children Monitor');
    expect(header.y).toBeGreaterThanOrEqual(0);
    expect(name.y).toBeGreaterThanOrEqual(header.y + 8);
    expect(name.y + name.height).toBeLessThanOrEqual(header.y + header.height);
    expect(name.height).toBeGreaterThanOrEqual(20);
    // Runs in the page (the project's types have no DOM): the element at the name's own left edge is the name.
    const overflow = await page.$eval('.govuk-header__product-name', (el) => {
      const r = el.getBoundingClientRect();
      const doc = (globalThis as unknown as { document: { elementFromPoint(x: number, y: number): unknown } }).document;
      const hit = doc.elementFromPoint(r.left + 2, r.top + r.height / 2);
      return hit === el || el.contains(hit as never);
    });
    expect(overflow).toBe(true);
    mkdirSync(LOG_DIR, { recursive: true });
    await page.screenshot({ path: join(LOG_DIR, 'dashboard-header.png'), clip: { x: 0, y: 0, width: 1280, height: header.y + header.height + 20 } });
    await page.close();
  });
});
