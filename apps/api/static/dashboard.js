/*
 * Missing Children Monitor dashboard. Plain browser JavaScript, no build step: the page, this
 * file, GOV.UK Frontend's CSS and Chart.js's UMD file are served by apps/api (DashboardModule).
 * Every figure comes from the API with the token the user pasted (kept in sessionStorage, sent
 * only in the Authorization header, never in a URL).
 */
(function () {
  'use strict';

  var TOKEN_KEY = 'mcm.dashboard.token';
  var config = JSON.parse(document.getElementById('mcm-config').textContent);
  // The settings and CARE missing types come from the server's vocabulary (libs/shared/src/vocabulary):
  // EDUCATION is missing during school, not "children missing education" (docs/STATISTICS.md).
  var SETTINGS = config.settings.map(function (s) { return s.code; });
  var SETTING_NAMES = {};
  config.settings.forEach(function (s) { SETTING_NAMES[s.code] = s.name; });
  var CARE_TYPES = config.careMissingTypes;
  // Analysis Function palette, with a point shape and a line pattern per series (never colour alone).
  var SERIES_STYLE = {
    HOME: { colour: '#12436D', pointStyle: 'circle', dash: [] },
    CARE: { colour: '#28A197', pointStyle: 'triangle', dash: [8, 4] },
    EDUCATION: { colour: '#801650', pointStyle: 'rectRot', dash: [2, 3] },
  };
  var MEASURES = [
    { key: 'children', label: 'Children' },
    { key: 'episodesStarted', label: 'Episodes started' },
    { key: 'episodesEnded', label: 'Episodes ended' },
    { key: 'episodesOpenAtWeekEnd', label: 'Still missing at week end' },
  ];
  var WEEKS_SHOWN = 52;
  var PARALLEL_REQUESTS = 6;

  var regionsByCode = new Map(config.regions.map(function (r) { return [r.code, r]; }));
  var lasByCode = new Map(config.localAuthorities.map(function (l) { return [l.code, l]; }));

  var state = { token: null, latestWeek: null, generation: 0, shown: null, chart: null, bulletinUrl: null };

  function $(id) { return document.getElementById(id); }

  document.body.className += ' js-enabled govuk-frontend-supported';

  // ---- ISO weeks (calendar arithmetic on Mondays, in UTC: exact for dates) ----
  var DAY_MS = 86400000;
  function mondayOf(label) {
    var m = /^(\d{4})-W(\d{2})$/.exec(label);
    var jan4 = Date.UTC(Number(m[1]), 0, 4);
    var week1 = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS;
    return week1 + (Number(m[2]) - 1) * 7 * DAY_MS;
  }
  function labelOf(mondayMs) {
    var thursday = new Date(mondayMs + 3 * DAY_MS);
    var year = thursday.getUTCFullYear();
    var week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
    return year + '-W' + (week < 10 ? '0' : '') + week;
  }
  function addWeeks(label, n) { return labelOf(mondayOf(label) + n * 7 * DAY_MS); }
  function longDate(isoDate) {
    return new Date(isoDate + 'T12:00:00Z').toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  }
  function commencing(label) { return longDate(new Date(mondayOf(label)).toISOString().slice(0, 10)); }

  // ---- numbers (as the API publishes them: perturbed by the cell-key method, exact for statisticians) ----
  function show(value) {
    if (value === null) return 'x'; // not available (EES symbol): after the latest report received
    if (value === undefined) return '';
    return Number(value).toLocaleString('en-GB');
  }
  function change(now, before) {
    var d = now - before;
    return d === 0 ? '0' : (d > 0 ? '+' : '\u2212') + Math.abs(d).toLocaleString('en-GB');
  }
  function changeSentence(now, before) {
    if (now === before) return 'The same as the previous week (' + show(before) + ').';
    return (now > before ? 'Up ' : 'Down ') + Math.abs(now - before).toLocaleString('en-GB') + ' from ' + show(before) + ' the previous week.';
  }

  // ---- API ----
  function SessionEnded(message) { this.message = message; }
  function api(path) {
    return fetch(path, { headers: { Authorization: 'Bearer ' + state.token, Accept: 'application/json' }, cache: 'no-store' }).then(function (response) {
      if (response.status === 401) throw new SessionEnded('The access token was not accepted, or it has expired. Sign in again.');
      if (response.status === 403) throw new SessionEnded('Your role may not read these figures.');
      if (response.status === 429) throw new Error('Too many requests: wait a minute and try again.');
      if (!response.ok) throw new Error('The API answered ' + response.status + ' for ' + path.split('?')[0] + '.');
      return response;
    });
  }
  function apiJson(path) { return api(path).then(function (r) { return r.json(); }); }
  function weekly(params) {
    var q = new URLSearchParams(params);
    return apiJson('/v1/incidence/weekly?' + q.toString());
  }
  /** Runs the tasks with at most PARALLEL_REQUESTS in flight; resolves in task order. */
  function limited(tasks) {
    var results = new Array(tasks.length), next = 0;
    function worker() {
      if (next >= tasks.length) return Promise.resolve();
      var i = next++;
      return tasks[i]().then(function (value) { results[i] = value; return worker(); });
    }
    var workers = [];
    for (var k = 0; k < Math.min(PARALLEL_REQUESTS, tasks.length); k++) workers.push(worker());
    return Promise.all(workers).then(function () { return results; });
  }

  // ---- errors and status ----
  function showError(message) {
    $('error-message').textContent = message;
    $('error-summary').hidden = false;
    $('error-summary').focus();
  }
  function clearError() { $('error-summary').hidden = true; }
  function setState(value) { $('main-content').setAttribute('data-state', value); }

  // ---- sign in / out ----
  function signedOut(message) {
    state.token = null;
    state.generation++;
    sessionStorage.removeItem(TOKEN_KEY);
    $('dashboard').hidden = true;
    $('sign-in').hidden = false;
    clearTables();
    setState('signed-out');
    if (message) {
      $('token-error-text').textContent = message;
      $('token-error').hidden = false;
      $('token-group').classList.add('govuk-form-group--error');
      $('token').classList.add('govuk-input--error');
      showError(message);
    }
  }
  function clearTables() {
    ['headline-body', 'trend-head', 'trend-body', 'areas-body'].forEach(function (id) { $(id).textContent = ''; });
    ['headline-children', 'headline-episodes', 'headline-open', 'headline-children-change', 'headline-episodes-change', 'headline-open-change'].forEach(function (id) { $(id).textContent = ''; });
    if (state.chart) { state.chart.destroy(); state.chart = null; }
    if (state.bulletinUrl) { URL.revokeObjectURL(state.bulletinUrl); state.bulletinUrl = null; }
    state.shown = null;
  }
  function subjectOf(token) {
    try {
      var payload = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
      return String(payload.sub) + (payload.role ? ' (' + payload.role + ')' : '');
    } catch (e) { return 'token holder'; }
  }
  function signIn(token) {
    state.token = token;
    clearError();
    setState('signing-in');
    // The unfiltered query answers with the latest week that has figures: it both checks the
    // token and tells us which weeks there are.
    return weekly({ setting: 'ALL', la: 'ALL' }).then(function (body) {
      sessionStorage.setItem(TOKEN_KEY, token);
      // The API's default week is the last complete one (every active agency has reported past it).
      state.latestWeek = body.lastCompleteWeek || body.query.to;
      $('token').value = '';
      $('token-error').hidden = true;
      $('token-group').classList.remove('govuk-form-group--error');
      $('token').classList.remove('govuk-input--error');
      $('signed-in-as').textContent = subjectOf(token);
      $('sign-in').hidden = true;
      $('dashboard').hidden = false;
      fillWeeks();
      return refresh();
    }).catch(function (error) {
      if (error instanceof SessionEnded) signedOut(error.message);
      else { setState('error'); showError(error.message || String(error)); }
    });
  }

  // ---- filters ----
  function option(value, text) {
    var o = document.createElement('option');
    o.value = value;
    o.textContent = text;
    return o;
  }
  function fillWeeks() {
    var select = $('filter-week');
    // Every week that has ended (config.lastEndedWeek), those after the last complete one marked provisional;
    // the last complete week is chosen.
    var complete = state.latestWeek && state.latestWeek < config.lastEndedWeek ? state.latestWeek : config.lastEndedWeek;
    select.textContent = '';
    for (var i = 0; i < WEEKS_SHOWN; i++) {
      var label = addWeeks(config.lastEndedWeek, -i);
      var note = label > complete ? ', provisional (p)' : label === complete ? ', last complete week' : '';
      select.appendChild(option(label, label + ' (commencing ' + commencing(label) + ')' + note));
    }
    select.value = complete;
  }
  function fillRegions() {
    var select = $('filter-region');
    select.appendChild(option('', 'England: all regions'));
    config.regions.forEach(function (r) { select.appendChild(option(r.code, r.name)); });
  }
  function fillLas() {
    var select = $('filter-la');
    var region = $('filter-region').value;
    var keep = select.value;
    select.textContent = '';
    select.appendChild(option('', region ? 'All in ' + regionsByCode.get(region).name : 'All local authorities'));
    config.localAuthorities.forEach(function (la) {
      if (!region || la.regionCode === region) select.appendChild(option(la.code, la.name));
    });
    select.value = keep && (!region || (lasByCode.get(keep) && lasByCode.get(keep).regionCode === region)) ? keep : '';
  }
  function filters() {
    var region = $('filter-region').value;
    var la = $('filter-la').value;
    return { week: $('filter-week').value, setting: $('filter-setting').value, region: region, la: la, area: la || region || 'ALL' };
  }
  function areaName(code) {
    if (code === 'ALL') return 'England';
    if (code === 'UNKNOWN') return 'Local authority not known';
    return (regionsByCode.get(code) || lasByCode.get(code) || { name: code }).name;
  }

  // ---- render ----
  function cell(tag, text, attrs) {
    var el = document.createElement(tag);
    el.className = tag === 'th' ? 'govuk-table__header' : 'govuk-table__cell';
    if (attrs && attrs.numeric) el.className += tag === 'th' ? ' govuk-table__header--numeric' : ' govuk-table__cell--numeric';
    if (attrs && attrs.scope) el.scope = attrs.scope;
    if (attrs && attrs.data) Object.keys(attrs.data).forEach(function (k) { el.setAttribute('data-' + k, attrs.data[k]); });
    el.textContent = text;
    if (attrs && attrs.flag !== undefined) markFlag(el, attrs.flag);
    return el;
  }
  // GSS markers from the API (p provisional, r revised, x not available): shown after the figure
  // (dashboard.css), named in a tooltip and in the legend under the filters.
  var FLAG_NAMES = { p: 'provisional', r: 'revised', x: 'not available' };
  function markFlag(el, flag) {
    if (flag) { el.setAttribute('data-flag', flag); el.title = FLAG_NAMES[flag] || ''; }
    else { el.removeAttribute('data-flag'); el.removeAttribute('title'); }
  }
  function flagOf(week, key) { return week && week.flags ? week.flags[key] : null; }
  function row(cells) {
    var tr = document.createElement('tr');
    tr.className = 'govuk-table__row';
    cells.forEach(function (c) { tr.appendChild(c); });
    return tr;
  }

  function refresh() {
    var f = filters();
    var generation = ++state.generation;
    clearError();
    setState('loading');
    $('status').textContent = 'Loading figures\u2026';
    var from = addWeeks(f.week, -(WEEKS_SHOWN - 1));
    var seriesTasks = SETTINGS.map(function (setting) {
      return function () { return weekly({ from: from, to: f.week, setting: setting, la: f.area }); };
    });
    var areaCodes = tableAreas(f);
    var areaTasks = areaCodes.map(function (code) {
      return function () { return weekly({ from: f.week, to: f.week, setting: f.setting, la: code }); };
    });
    return Promise.all([limited(seriesTasks), limited(areaTasks), apiJson('/v1/bulletins').catch(function (e) { if (e instanceof SessionEnded) throw e; return null; }), careTypes(f)])
      .then(function (results) {
        if (generation !== state.generation) return;
        var series = {};
        SETTINGS.forEach(function (s, i) { series[s] = results[0][i].weeks; });
        var areas = areaCodes.map(function (code, i) { return { code: code, name: areaName(code), figures: results[1][i].weeks[0] }; });
        state.shown = { filters: f, series: series, areas: areas };
        renderHeadline(f, series);
        renderTrend(f, series);
        renderAreas(f, areas);
        renderCareTypes(f, results[3]);
        renderDisclosure(results[0][0].disclosure);
        return renderBulletin(results[2], generation);
      })
      .then(function () {
        if (generation !== state.generation) return;
        $('status').textContent = 'Showing ' + SETTING_NAMES[f.setting].toLowerCase() + ', ' + areaName(f.area) + ', week ' + f.week + '.';
        $('main-content').setAttribute('data-shown', [f.week, f.setting, f.area].join('|'));
        setState('ready');
      })
      .catch(function (error) {
        if (generation !== state.generation) return;
        if (error instanceof SessionEnded) signedOut(error.message);
        else { setState('error'); $('status').textContent = ''; showError(error.message || String(error)); }
      });
  }

  /** The API's own sentence on how its figures are protected (the cell-key method), shown above them. */
  function renderDisclosure(disclosure) {
    $('disclosure-note').textContent = disclosure && disclosure.note ? disclosure.note : '';
    $('disclosure-note').setAttribute('data-method', disclosure && disclosure.method ? disclosure.method : '');
    $('disclosure-note').hidden = !(disclosure && disclosure.note);
  }

  /**
   * CARE episodes of the week by missing type (M and A apart), from the ad-hoc query: each cell
   * perturbed with its own key like every other; a table the query rules refuse (too sparse) is
   * said to be so, never shown.
   */
  function careTypes(f) {
    var q = new URLSearchParams({ from: f.week, to: f.week, groupBy: 'careMissingType' });
    if (f.la) q.set('la', f.la); else if (f.region) q.set('region', f.region);
    return apiJson('/v1/incidence?' + q.toString()).catch(function (e) { if (e instanceof SessionEnded) throw e; return null; });
  }
  function renderCareTypes(f, body) {
    var refused = $('care-type-refused');
    $('care-type-caption').textContent = 'Care, ' + areaName(f.area) + ', week ' + f.week + ' (commencing ' + commencing(f.week) + ')';
    var rows = $('care-type-body');
    rows.textContent = '';
    refused.hidden = body !== null;
    $('care-type-table').hidden = body === null;
    if (body === null) {
      refused.textContent = 'Not shown for this area: too few children go missing from care here to publish them by missing type.';
      return;
    }
    CARE_TYPES.forEach(function (t) {
      var r = body.rows.find(function (x) { return x.groups.careMissingType === t.code; }) || { children: 0, episodesStarted: 0 };
      rows.appendChild(row([cell('th', t.label, { scope: 'row' }), cell('td', show(r.children), { numeric: true, data: { type: t.code, measure: 'children' } }),
        cell('td', show(r.episodesStarted), { numeric: true, data: { type: t.code, measure: 'episodesStarted' } })]));
    });
  }

  /** Regions (and England) by default; a region and its local authorities once one is chosen. */
  function tableAreas(f) {
    var region = f.region || (f.la ? lasByCode.get(f.la).regionCode : '');
    if (!region) return ['ALL'].concat(config.regions.map(function (r) { return r.code; }), ['UNKNOWN']);
    return [region].concat(config.localAuthorities.filter(function (la) { return la.regionCode === region; }).map(function (la) { return la.code; }));
  }

  function renderHeadline(f, series) {
    var now = series[f.setting][WEEKS_SHOWN - 1], before = series[f.setting][WEEKS_SHOWN - 2];
    $('headline-context').textContent = SETTING_NAMES[f.setting] + ', ' + areaName(f.area) + ': week ' + now.week + ' (commencing ' + longDate(now.weekCommencing) + ').';
    [['children', 'headline-children'], ['episodesStarted', 'headline-episodes'], ['episodesOpenAtWeekEnd', 'headline-open']].forEach(function (pair) {
      $(pair[1]).textContent = show(now[pair[0]]);
      markFlag($(pair[1]), flagOf(now, pair[0]));
      $(pair[1] + '-change').textContent = changeSentence(now[pair[0]], before[pair[0]]);
    });
    $('headline-table-caption').textContent = 'By setting, ' + areaName(f.area) + ', week ' + now.week + ' against ' + before.week;
    var body = $('headline-body');
    body.textContent = '';
    SETTINGS.forEach(function (s) {
      var a = series[s][WEEKS_SHOWN - 1], b = series[s][WEEKS_SHOWN - 2];
      var tr = row([
        cell('th', SETTING_NAMES[s], { scope: 'row' }),
        cell('td', show(a.children), { numeric: true, data: { setting: s, measure: 'children', week: a.week }, flag: flagOf(a, 'children') }),
        cell('td', show(b.children), { numeric: true, data: { setting: s, measure: 'children', week: b.week }, flag: flagOf(b, 'children') }),
        cell('td', show(a.episodesStarted), { numeric: true, data: { setting: s, measure: 'episodesStarted', week: a.week }, flag: flagOf(a, 'episodesStarted') }),
        cell('td', show(b.episodesStarted), { numeric: true, data: { setting: s, measure: 'episodesStarted', week: b.week }, flag: flagOf(b, 'episodesStarted') }),
        cell('td', change(a.episodesStarted, b.episodesStarted), { numeric: true }),
      ]);
      if (s === f.setting) tr.classList.add('mcm-current');
      body.appendChild(tr);
    });
  }

  function shownSettings(f) { return f.setting === 'ALL' ? SETTINGS.slice(1) : [f.setting]; }

  function trendTitle(f, series) {
    var settings = shownSettings(f);
    var total = function (weeks) {
      return weeks.reduce(function (sum, w) { return typeof w.children === 'number' && sum !== null ? sum + w.children : null; }, 0);
    };
    var values = series[f.setting];
    var first = total(values.slice(0, 13)), last = total(values.slice(-13));
    var who = f.setting === 'ALL' ? 'Children going missing' : 'Children going missing from ' + SETTING_NAMES[f.setting].toLowerCase();
    if (first === null || last === null) return who + ' over the last 52 weeks';
    var verb = last > first * 1.05 ? 'rose' : last < first * 0.95 ? 'fell' : 'stayed about the same';
    return who + ' ' + verb + ' over the last 52 weeks' + (settings.length > 1 ? ', by setting' : '');
  }

  function renderTrend(f, series) {
    var settings = shownSettings(f);
    var weeks = series.ALL.map(function (w) { return w.week; });
    $('trend-title').textContent = trendTitle(f, series);
    var subtitle = 'Children with a missing episode starting in the week, ' + (settings.length > 1 ? 'by setting' : SETTING_NAMES[f.setting].toLowerCase()) + ', ' + areaName(f.area) + ', ' + weeks[0] + ' to ' + weeks[weeks.length - 1];
    $('trend-subtitle').textContent = subtitle;
    $('trend-table-caption').textContent = subtitle;

    var head = $('trend-head');
    head.textContent = '';
    head.appendChild(row([cell('th', 'Week', { scope: 'col' }), cell('th', 'Week commencing', { scope: 'col' })].concat(settings.map(function (s) {
      return cell('th', SETTING_NAMES[s], { scope: 'col', numeric: true });
    }))));
    var body = $('trend-body');
    body.textContent = '';
    weeks.forEach(function (week, i) {
      body.appendChild(row([cell('th', week, { scope: 'row' }), cell('td', longDate(series.ALL[i].weekCommencing))].concat(settings.map(function (s) {
        return cell('td', show(series[s][i].children), { numeric: true, data: { setting: s, week: week }, flag: flagOf(series[s][i], 'children') });
      }))));
    });

    if (typeof window.Chart !== 'function') return;
    var datasets = settings.map(function (s) {
      var style = SERIES_STYLE[s];
      return {
        label: SETTING_NAMES[s],
        data: series[s].map(function (w) { return typeof w.children === 'number' ? w.children : null; }),
        borderColor: style.colour, backgroundColor: style.colour, borderDash: style.dash, borderWidth: 2,
        pointStyle: style.pointStyle, pointRadius: 3, pointHoverRadius: 6, spanGaps: false, tension: 0,
      };
    });
    if (state.chart) state.chart.destroy();
    state.chart = new window.Chart($('trend-chart'), {
      type: 'line',
      data: { labels: weeks, datasets: datasets },
      options: {
        animation: false, responsive: true, maintainAspectRatio: false,
        interaction: { mode: 'index', intersect: false },
        scales: {
          y: { beginAtZero: true, title: { display: true, text: 'Children' }, ticks: { precision: 0 } },
          x: { title: { display: true, text: 'ISO week' }, ticks: { maxTicksLimit: 13 } },
        },
        plugins: { legend: { position: 'top', labels: { usePointStyle: true } } },
      },
    });
  }

  function renderAreas(f, areas) {
    $('areas-caption').textContent = SETTING_NAMES[f.setting] + ', week ' + f.week + ' (commencing ' + commencing(f.week) + ')';
    var body = $('areas-body');
    body.textContent = '';
    areas.forEach(function (a) {
      var tr = row([cell('th', a.name, { scope: 'row' }), cell('td', a.code === 'ALL' || a.code === 'UNKNOWN' ? '' : a.code)].concat(MEASURES.map(function (m) {
        return cell('td', show(a.figures[m.key]), { numeric: true, data: { area: a.code, measure: m.key }, flag: flagOf(a.figures, m.key) });
      })));
      tr.setAttribute('data-area', a.code);
      if (a.code === f.area) { tr.classList.add('mcm-current'); tr.setAttribute('aria-current', 'true'); }
      body.appendChild(tr);
    });
  }

  /** Bulletins need the token too, so the link opens a copy fetched with it. */
  function renderBulletin(list, generation) {
    var latest = list && list[0];
    $('bulletin-none').hidden = !!latest;
    $('bulletin-latest').hidden = !latest;
    if (!latest) return null;
    $('bulletin-week').textContent = latest.week + ' (commencing ' + longDate(latest.weekCommencing) + ')';
    $('bulletin-detail').textContent = 'revision ' + latest.revision + ', published ' + new Date(latest.publishedAt).toLocaleString('en-GB', { timeZone: 'Europe/London', dateStyle: 'long', timeStyle: 'short' }) + ' (London time).';
    var link = $('bulletin-link');
    var source = latest.links && latest.links.html ? latest.links.html : '/v1/bulletins/' + latest.week + '.html';
    link.setAttribute('data-source', source);
    link.setAttribute('data-week', latest.week);
    if (state.bulletinUrl && link.getAttribute('data-loaded') === source) return null;
    return api(source).then(function (r) { return r.text(); }).then(function (html) {
      if (generation !== state.generation) return;
      if (state.bulletinUrl) URL.revokeObjectURL(state.bulletinUrl);
      state.bulletinUrl = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
      link.href = state.bulletinUrl;
      link.setAttribute('data-loaded', source);
    });
  }

  // ---- CSV of what is shown ----
  function csvField(value) {
    var s = value === null || value === undefined ? '' : String(value);
    return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }
  function download(name, rows) {
    var text = rows.map(function (r) { return r.map(csvField).join(','); }).join('\r\n') + '\r\n';
    var url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
    var a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  }
  function downloadTrend() {
    var shown = state.shown;
    if (!shown) return;
    var f = shown.filters;
    var rows = [['week', 'week_commencing', 'area_code', 'area_name', 'setting'].concat(MEASURES.map(function (m) { return m.key; }))];
    SETTINGS.forEach(function (s) {
      shown.series[s].forEach(function (w) {
        rows.push([w.week, w.weekCommencing, f.area, areaName(f.area), s].concat(MEASURES.map(function (m) { return w[m.key]; })));
      });
    });
    download('missing-children-trend-' + f.area + '-' + f.week + '.csv', rows);
  }
  function downloadAreas() {
    var shown = state.shown;
    if (!shown) return;
    var f = shown.filters;
    var rows = [['week', 'setting', 'area_code', 'area_name'].concat(MEASURES.map(function (m) { return m.key; }))];
    shown.areas.forEach(function (a) { rows.push([f.week, f.setting, a.code, a.name].concat(MEASURES.map(function (m) { return a.figures[m.key]; }))); });
    download('missing-children-areas-' + f.setting + '-' + f.week + '.csv', rows);
  }

  // ---- wiring ----
  fillRegions();
  fillLas();
  $('sign-in-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var token = $('token').value.trim();
    if (!token) { signedOut('Enter your access token'); return; }
    signIn(token);
  });
  $('sign-out').addEventListener('click', function (event) { event.preventDefault(); signedOut(); $('token').focus(); });
  $('filter-region').addEventListener('change', function () { fillLas(); refresh(); });
  $('filter-la').addEventListener('change', function () {
    var la = lasByCode.get($('filter-la').value);
    if (la && $('filter-region').value !== la.regionCode) { $('filter-region').value = la.regionCode; fillLas(); $('filter-la').value = la.code; }
    refresh();
  });
  $('filter-setting').addEventListener('change', refresh);
  $('filter-week').addEventListener('change', refresh);
  $('download-trend').addEventListener('click', downloadTrend);
  $('download-areas').addEventListener('click', downloadAreas);
  $('error-summary').addEventListener('click', function () { $('token').focus(); });

  var saved = sessionStorage.getItem(TOKEN_KEY);
  if (saved) signIn(saved);
  else setState('signed-out');
})();
