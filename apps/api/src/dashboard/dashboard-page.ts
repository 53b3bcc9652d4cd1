import {
  addWeeks,
  ALL_SETTINGS,
  CARE_MISSING_CATEGORIES,
  CARE_MISSING_LABEL,
  isoWeekLabel,
  ReferenceData,
  SETTING_LABEL,
  SETTINGS,
  weekCommencing,
} from '@mcm/shared';

/**
 * What the page script needs before it has a token: geography and the last week that has ended
 * (the last complete week, which depends on the data, comes from the API once signed in).
 */
export interface DashboardConfig {
  referenceVersion: string;
  lastEndedWeek: string;
  regions: { code: string; name: string }[];
  localAuthorities: { code: string; name: string; regionCode: string }[];
  /** The vocabulary's settings (ALL first) and CARE missing types with their words, so the page script never retypes them. */
  settings: { code: string; name: string }[];
  careMissingTypes: { code: string; label: string }[];
}

const SETTING_CHOICES = [[ALL_SETTINGS, 'All settings'] as const, ...SETTINGS.map((s) => [s, SETTING_LABEL[s]] as const)];

export function dashboardConfig(reference: ReferenceData, now = new Date()): DashboardConfig {
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'en-GB');
  return {
    referenceVersion: reference.version,
    lastEndedWeek: isoWeekLabel(addWeeks(weekCommencing(now), -1)),
    regions: [...reference.regions.values()].map(({ code, name }) => ({ code, name })).sort(byName),
    localAuthorities: [...reference.localAuthorities.values()].map(({ code, name, regionCode }) => ({ code, name, regionCode })).sort(byName),
    settings: SETTING_CHOICES.map(([code, name]) => ({ code, name })),
    careMissingTypes: CARE_MISSING_CATEGORIES.map((code) => ({ code, label: CARE_MISSING_LABEL[code] })),
  };
}

/**
 * What each setting counts: EDUCATION is missing during school, not the DfE's "children missing
 * education" (docs/STATISTICS.md).
 */
const SETTING_DEFINITIONS =
  'Home: reported missing from home. Care: a looked-after child missing from their placement or away from it without authorisation. ' +
  'During school: absent from school without explanation during the school day (not "children missing education", who are not registered at any school).';

/** The setting filter's options, in the vocabulary's order and words. */
const SETTING_OPTIONS = SETTING_CHOICES.map(([code, label]) => `                <option value="${code}">${label}</option>`).join('\n');

/** JSON safe inside a <script type="application/json"> element. */
function embeddedJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

/**
 * The dashboard page: GOV.UK Frontend markup, no inline script or style (so a strict
 * Content-Security-Policy holds), data fetched by /dashboard/dashboard.js with the signed-in token.
 */
export function renderDashboardPage(config: DashboardConfig): string {
  return `<!DOCTYPE html>
<html lang="en" class="govuk-template">
<head>
  <meta charset="utf-8">
  <title>Children missing from home, from care and during school: dashboard</title>
  <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
  <meta name="robots" content="noindex, nofollow">
  <link rel="icon" sizes="48x48" href="/assets/images/favicon.ico">
  <link rel="icon" sizes="any" href="/assets/images/favicon.svg" type="image/svg+xml">
  <link rel="stylesheet" href="/dashboard/vendor/govuk-frontend.min.css">
  <link rel="stylesheet" href="/dashboard/dashboard.css">
  <script type="application/json" id="mcm-config">${embeddedJson(config)}</script>
  <script src="/dashboard/vendor/chart.umd.min.js" defer></script>
  <script src="/dashboard/dashboard.js" defer></script>
</head>
<body class="govuk-template__body">
  <a href="#main-content" class="govuk-skip-link">Skip to main content</a>
  <header class="govuk-header" data-module="govuk-header">
    <div class="govuk-header__container govuk-width-container">
      <div class="govuk-header__logo">
        <a href="/" class="govuk-header__homepage-link"><span class="govuk-header__product-name">Missing Children Monitor</span></a>
      </div>
    </div>
  </header>
  <div class="govuk-width-container">
    <main class="govuk-main-wrapper" id="main-content" role="main" data-state="signed-out">
      <h1 class="govuk-heading-xl">Children missing from home, from care and during school</h1>
      <p class="govuk-body-l">Weekly figures for England from police forces, children's services and schools. Weeks are ISO weeks, Monday to Sunday, London time.</p>
      <p class="govuk-body" id="setting-definitions">${SETTING_DEFINITIONS}</p>

      <div class="govuk-error-summary" id="error-summary" data-module="govuk-error-summary" hidden tabindex="-1">
        <div role="alert">
          <h2 class="govuk-error-summary__title">There is a problem</h2>
          <div class="govuk-error-summary__body"><p class="govuk-body" id="error-message"></p></div>
        </div>
      </div>

      <section id="sign-in" aria-labelledby="sign-in-heading">
        <h2 class="govuk-heading-l" id="sign-in-heading">Sign in</h2>
        <form id="sign-in-form" novalidate>
          <div class="govuk-form-group" id="token-group">
            <label class="govuk-label govuk-label--s" for="token">Access token</label>
            <div class="govuk-hint" id="token-hint">Paste the token you were issued. It is kept in this browser tab only and cleared when you sign out or close the tab.</div>
            <p class="govuk-error-message" id="token-error" hidden><span class="govuk-visually-hidden">Error:</span> <span id="token-error-text"></span></p>
            <input class="govuk-input" id="token" name="token" type="password" autocomplete="off" spellcheck="false" aria-describedby="token-hint">
          </div>
          <button type="submit" class="govuk-button" data-module="govuk-button" id="sign-in-button">Sign in</button>
        </form>
      </section>

      <div id="dashboard" hidden>
        <p class="govuk-body">Signed in as <strong id="signed-in-as"></strong>. <a href="#" class="govuk-link" id="sign-out">Sign out</a></p>

        <form id="filters" class="mcm-filters" novalidate>
          <h2 class="govuk-heading-m">Filters</h2>
          <div class="mcm-filters__row">
            <div class="govuk-form-group">
              <label class="govuk-label" for="filter-week">Week</label>
              <select class="govuk-select" id="filter-week" name="week"></select>
            </div>
            <div class="govuk-form-group">
              <label class="govuk-label" for="filter-setting">Missing from</label>
              <select class="govuk-select" id="filter-setting" name="setting">
${SETTING_OPTIONS}
              </select>
            </div>
            <div class="govuk-form-group">
              <label class="govuk-label" for="filter-region">Region</label>
              <select class="govuk-select" id="filter-region" name="region"></select>
            </div>
            <div class="govuk-form-group">
              <label class="govuk-label" for="filter-la">Local authority</label>
              <select class="govuk-select" id="filter-la" name="la"></select>
            </div>
          </div>
          <p class="govuk-body-s" id="status" role="status" aria-live="polite"></p>
        </form>

        <p class="govuk-body mcm-legend" id="disclosure-note" hidden></p>
        <p class="govuk-body-s" id="flag-legend">Symbols after a figure: <strong>p</strong> provisional (not every agency has reported past the end of the week yet), <strong>r</strong> revised since first published once the week was complete, <strong>x</strong> not available (after the latest report received).</p>

        <section aria-labelledby="headline-heading">
          <h2 class="govuk-heading-l" id="headline-heading">Headline figures</h2>
          <p class="govuk-body" id="headline-context"></p>
          <div class="mcm-cards">
            <div class="mcm-card"><p class="govuk-body-s mcm-card__label">Children reported missing</p><p class="mcm-card__value" id="headline-children" data-measure="children"></p><p class="govuk-body-s" id="headline-children-change"></p></div>
            <div class="mcm-card"><p class="govuk-body-s mcm-card__label">Missing episodes started</p><p class="mcm-card__value" id="headline-episodes" data-measure="episodesStarted"></p><p class="govuk-body-s" id="headline-episodes-change"></p></div>
            <div class="mcm-card"><p class="govuk-body-s mcm-card__label">Still missing at week end</p><p class="mcm-card__value" id="headline-open" data-measure="episodesOpenAtWeekEnd"></p><p class="govuk-body-s" id="headline-open-change"></p></div>
          </div>
          <table class="govuk-table" id="headline-table">
            <caption class="govuk-table__caption govuk-table__caption--m" id="headline-table-caption">By setting, against the previous week</caption>
            <thead class="govuk-table__head">
              <tr class="govuk-table__row">
                <th scope="col" class="govuk-table__header">Missing from</th>
                <th scope="col" class="govuk-table__header govuk-table__header--numeric">Children</th>
                <th scope="col" class="govuk-table__header govuk-table__header--numeric">Children, previous week</th>
                <th scope="col" class="govuk-table__header govuk-table__header--numeric">Episodes started</th>
                <th scope="col" class="govuk-table__header govuk-table__header--numeric">Episodes started, previous week</th>
                <th scope="col" class="govuk-table__header govuk-table__header--numeric">Change in episodes</th>
              </tr>
            </thead>
            <tbody class="govuk-table__body" id="headline-body"></tbody>
          </table>
        </section>

        <section aria-labelledby="trend-heading">
          <h2 class="govuk-heading-l" id="trend-heading">52-week trend</h2>
          <h3 class="govuk-heading-m" id="trend-title"></h3>
          <p class="govuk-body" id="trend-subtitle"></p>
          <div class="mcm-chart"><canvas id="trend-chart" role="img" aria-labelledby="trend-title" aria-describedby="trend-subtitle trend-table-note"></canvas></div>
          <p class="govuk-body-s" id="trend-table-note">Each setting has its own colour, point shape and line pattern. The same figures are in the table below.</p>
          <details class="govuk-details" id="trend-details">
            <summary class="govuk-details__summary"><span class="govuk-details__summary-text">Show the trend as a table</span></summary>
            <div class="govuk-details__text mcm-scroll">
              <table class="govuk-table" id="trend-table">
                <caption class="govuk-table__caption govuk-table__caption--s" id="trend-table-caption"></caption>
                <thead class="govuk-table__head" id="trend-head"></thead>
                <tbody class="govuk-table__body" id="trend-body"></tbody>
              </table>
            </div>
          </details>
          <button type="button" class="govuk-button govuk-button--secondary" data-module="govuk-button" id="download-trend">Download the trend as CSV</button>
        </section>

        <section aria-labelledby="care-type-heading" id="care-type">
          <h2 class="govuk-heading-l" id="care-type-heading">Missing from care: missing or away without authorisation</h2>
          <p class="govuk-body">Episodes from care that started in the week, and their children, by SSDA903 missing type, as the DfE reports them: missing (M) when the child's whereabouts were unknown, away from placement without authorisation (A) when they were known. An episode counts as missing when any agency recorded it as missing; a child with both kinds of episode counts in both rows.</p>
          <p class="govuk-body" id="care-type-refused" hidden></p>
          <table class="govuk-table" id="care-type-table">
            <caption class="govuk-table__caption govuk-table__caption--m" id="care-type-caption"></caption>
            <thead class="govuk-table__head">
              <tr class="govuk-table__row">
                <th scope="col" class="govuk-table__header">Missing type</th>
                <th scope="col" class="govuk-table__header govuk-table__header--numeric">Children</th>
                <th scope="col" class="govuk-table__header govuk-table__header--numeric">Episodes started</th>
              </tr>
            </thead>
            <tbody class="govuk-table__body" id="care-type-body"></tbody>
          </table>
        </section>

        <section aria-labelledby="areas-heading">
          <h2 class="govuk-heading-l" id="areas-heading">Regions and local authorities</h2>
          <div class="mcm-scroll">
            <table class="govuk-table" id="areas-table">
              <caption class="govuk-table__caption govuk-table__caption--m" id="areas-caption"></caption>
              <thead class="govuk-table__head">
                <tr class="govuk-table__row">
                  <th scope="col" class="govuk-table__header">Area</th>
                  <th scope="col" class="govuk-table__header">Code</th>
                  <th scope="col" class="govuk-table__header govuk-table__header--numeric">Children</th>
                  <th scope="col" class="govuk-table__header govuk-table__header--numeric">Episodes started</th>
                  <th scope="col" class="govuk-table__header govuk-table__header--numeric">Episodes ended</th>
                  <th scope="col" class="govuk-table__header govuk-table__header--numeric">Still missing at week end</th>
                </tr>
              </thead>
              <tbody class="govuk-table__body" id="areas-body"></tbody>
            </table>
          </div>
          <button type="button" class="govuk-button govuk-button--secondary" data-module="govuk-button" id="download-areas">Download this table as CSV</button>
        </section>

        <section aria-labelledby="bulletin-heading">
          <h2 class="govuk-heading-l" id="bulletin-heading">Latest bulletin</h2>
          <p class="govuk-body" id="bulletin-none">No bulletin has been published yet.</p>
          <p class="govuk-body" id="bulletin-latest" hidden>
            <a class="govuk-link" id="bulletin-link" href="#" target="_blank" rel="noopener">Weekly bulletin: <span id="bulletin-week"></span> (opens in a new tab)</a>,
            <span id="bulletin-detail"></span>
          </p>
        </section>
      </div>
      <noscript><p class="govuk-body">This dashboard needs JavaScript. The figures are also available from the API (see <a class="govuk-link" href="/docs">/docs</a>).</p></noscript>
    </main>
  </div>
  <footer class="govuk-footer">
    <div class="govuk-width-container">
      <p class="govuk-body-s">Reference geography ${config.referenceVersion}. API documentation at <a class="govuk-footer__link" href="/docs">/docs</a>.</p>
    </div>
  </footer>
</body>
</html>
`;
}
