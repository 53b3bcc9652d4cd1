import { Bulletin } from '../bulletin.model';
import { formatNumber } from '../format';
import { elementById, tableRows, textOf, unbalancedTags, unescapeHtml } from '../testing/html-inspect';
import { sampleBulletin } from '../testing/sample-bulletin';
import { renderBulletinHtml } from './render-bulletin-html';

describe('renderBulletinHtml', () => {
  const b = sampleBulletin();
  const html = renderBulletinHtml(b);

  it('is one self-contained page: no scripts, no external assets, a print stylesheet', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<html lang="en-GB">');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link\b|<img\b|\bsrc=|@import|url\(/i);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(html).toContain('@media print');
    expect(html).toMatch(/@page\s*\{[^}]*size:\s*A4/);
    expect(html).toMatch(/\.section\{break-before:page/);
    expect(unbalancedTags(html)).toEqual([]);
  });

  it('shows the release information: status, dates, methodology and contact', () => {
    const text = textOf(html);
    expect(text).toContain('Official statistics in development');
    expect(text).toContain('Published Monday 23 November 2026 at 9:30am');
    expect(text).toContain('Next release Monday 30 November 2026 at 9:30am');
    expect(html).toContain('href="/docs/STATISTICS.md"');
    expect(html).toContain('href="mailto:missing.children.statistics@example.gov.uk"');
    for (const id of [
      'main-points',
      'trend',
      'regions',
      'local-authorities',
      'characteristics',
      'repeat-return',
      'revisions',
      'completeness',
      'about',
    ]) {
      expect(html).toContain(`<section class="section${id === 'main-points' ? ' first' : ''}" id="${id}"`);
      expect(html).toContain(`href="#${id}"`);
    }
  });

  it('gives each chart an SVG with role="img", a title and a description', () => {
    const svgs = [...html.matchAll(/<svg\b[^>]*>/g)].map((m) => m[0]);
    expect(svgs).toHaveLength(2);
    for (const id of ['chart-trend', 'chart-regions']) {
      const svg = elementById(html, 'svg', id);
      expect(svg).toMatch(/^<svg[^>]*role="img"/);
      expect(svg).toContain(`aria-labelledby="${id}-title ${id}-desc"`);
      expect(svg).toMatch(new RegExp(`<title id="${id}-title">[^<]+</title>`));
      expect(svg).toMatch(new RegExp(`<desc id="${id}-desc">[^<]+</desc>`));
      expect(unbalancedTags(svg)).toEqual([]);
    }
  });

  it('titles the trend chart with the trend, from its data', () => {
    const title = unescapeHtml(/<title id="chart-trend-title">([^<]+)<\/title>/.exec(html)?.[1] ?? '');
    expect(title).toMatch(/^Children going missing .*(rose|fell|held steady).* this week$/);
    expect(textOf(elementById(html, 'h3', 'trend-chart-title'))).toBe(title);
    expect(html).toContain('weeks commencing 24 November 2025 to 16 November 2026');
  });

  it('draws settings with distinct dash patterns and markers, not colour alone', () => {
    const svg = elementById(html, 'svg', 'chart-trend');
    const paths = [...svg.matchAll(/<g class="series"[^>]*>\s*<path [^>]*?(stroke-dasharray="[^"]*")?\/>/g)].map((m) => m[1] ?? 'solid');
    expect(new Set(paths).size).toBe(3);
    expect(svg).toContain('<circle');
    expect(svg).toContain('<rect x=');
    expect(svg).toMatch(/<g class="legend">.*Home.*Care.*During school/);
  });

  it('follows the trend chart with a table of the same numbers', () => {
    const svg = elementById(html, 'svg', 'chart-trend');
    const series = [...svg.matchAll(/<g class="series" data-key="(\w+)" data-name="([^"]+)" data-values="([^"]*)"/g)];
    expect(series.map((s) => s[1])).toEqual(['HOME', 'CARE', 'EDUCATION']);
    const { header, rows } = tableRows(elementById(html, 'table', 'trend-table'));
    expect(rows).toHaveLength(52);
    const ascending = [...rows].reverse();
    for (const [, , name, values] of series) {
      const column = header.indexOf(name);
      expect(column).toBeGreaterThan(0);
      expect(ascending.map((r) => r[column])).toEqual(values.split(',').map((v) => formatNumber(Number(v))));
    }
    expect(rows[0][0]).toBe('16 November 2026 (p)');
    expect(rows.some((r) => r[0] === '24 August 2026 (r)')).toBe(true);
  });

  it('follows the region chart with a table of the same numbers', () => {
    const svg = elementById(html, 'svg', 'chart-regions');
    const bars = [...svg.matchAll(/<g class="bar" data-label="([^"]+)" data-value="([^"]+)">/g)].map((m) => [unescapeHtml(m[1]), m[2]]);
    expect(bars).toHaveLength(9);
    const { header, rows } = tableRows(elementById(html, 'table', 'regions-table'));
    const column = header.indexOf('Children, all settings (charted)');
    expect(rows.map((r) => [r[0], r[column]])).toEqual(bars.map(([label, value]) => [label, formatNumber(Number(value))]));
    const values = bars.map(([, v]) => Number(v));
    expect(values).toEqual([...values].sort((x, y) => y - x));
    expect(textOf(elementById(html, 'h3', 'regions-chart-title'))).toBe(
      `${bars[0][0]} had the most children going missing this week and ${bars[8][0]} the fewest`,
    );
  });

  it('puts direction words in the headline tables', () => {
    const text = textOf(elementById(html, 'section', 'main-points'));
    expect(text).toMatch(/(up|down) \d[\d,]* \(\d+\.\d%\) on the previous week/);
    expect(html).toMatch(/<td class="num">(up|down) [\d,.]+ \(\d+\.\d%\)<\/td>/);
    expect(text).toContain('no data a year earlier');
  });

  it('lays out the LA table with a caption, scopes, right-aligned numbers and symbols', () => {
    const table = elementById(html, 'table', 'la-table');
    expect(table).toMatch(/<caption>Table 5: /);
    expect(table).toContain('<th scope="col" class="num">');
    expect(table).toContain('<th scope="row">');
    expect(table).toContain('<th scope="rowgroup" colspan="');
    expect(table).toContain('<abbr class="symbol" title="suppressed to protect confidentiality">c</abbr>');
    expect(table).toContain('<abbr class="symbol" title="not available">x</abbr>');
    const { rows } = tableRows(table);
    expect(rows).toHaveLength(new Set(b.areas.filter((a) => a.level === 'Local authority').map((a) => a.code)).size);
    expect(rows.find((r) => r[0] === 'Kingston upon Hull, City of')?.[1]).toBe('810');
  });

  it('has breakdown, repeat missing and return interview tables', () => {
    const text = textOf(html);
    for (const heading of ['Age and sex', 'Ethnic group', 'Risk grade', 'How long children were missing']) expect(text).toContain(heading);
    expect(text).toContain('No apparent risk');
    expect(text).toMatch(/had an episode this week that was at least their third to start in 90 days/);
    expect(text).toMatch(/Of the [0-9,]+ missing episodes from home or care that ended this week/);
    expect(text).toContain('Missing from care: missing or away without authorisation');
    expect(text).toContain('not the DfE\'s "children missing education"');
    expect(text).toMatch(/were followed by the offer of a return interview within 72 hours/);
  });

  it('explains revisions and lists each one', () => {
    const section = textOf(elementById(html, 'section', 'revisions'));
    expect(section).toContain('provisional (p)');
    expect(section).toContain('4 figures for 2 earlier weeks were revised');
    expect(section).toContain('linkage merge');
    expect(section).toMatch(/212 215 up 3 \(1\.4%\) late event/);
    const none = textOf(elementById(renderBulletinHtml({ ...b, revisions: [] }), 'section', 'revisions'));
    expect(none).toContain('No figures published earlier have been revised');
  });

  it('says in words which groups of agencies are flagged, by type and region, never one agency, dates to the day', () => {
    const section = elementById(html, 'section', 'completeness');
    expect(textOf(section)).toContain('Flagged: silent 4 days');
    expect(textOf(section)).toContain('Flagged: no events received');
    expect(section).toMatch(/<tr class="flagged"><th scope="row">Police forces<\/th><td>North West/);
    expect(textOf(section)).not.toMatch(/Metropolitan|Lancashire|URN|\d{1,2}:\d{2}/);
  });

  it('explains the method in one plain sentence and names it and its perturbation table', () => {
    const about = textOf(elementById(html, 'section', 'about'));
    expect(about).toContain(b.disclosure.statement);
    expect(about).toContain('mcm-ptable-v1');
    expect(about).not.toMatch(/suppress/i);
  });

  it('describes linkage quality, by ethnic group too, in its methodology', () => {
    expect(html).toContain('<h3 id="linkage-heading">Linkage quality</h3>');
    expect(html).toContain('ECHILD');
  });

  it('explains every symbol', () => {
    const legend = elementById(html, 'section', 'about');
    for (const symbol of ['x', 'z', 'p', 'r']) expect(legend).toContain(`<dt>${symbol}</dt>`);
    expect(textOf(legend)).toContain('Week 53');
  });

  it('escapes all text and refuses script URLs', () => {
    const nasty = `<script>alert("x")</script> & 'q'`;
    const hostile: Bulletin = {
      ...b,
      status: nasty,
      contact: nasty,
      methodologyUrl: 'javascript:alert(1)',
      areas: b.areas.map((a) => (a.code === 'E12000007' ? { ...a, name: nasty } : a.regionCode === 'E12000007' ? { ...a, regionName: nasty } : a)),
      breakdowns: [...b.breakdowns, { dimension: 'ethnicity_group', category: nasty, children: 5, episodes: 6 }],
      revisions: b.revisions.map((r) => ({ ...r, reason: nasty })),
      completeness: b.completeness.map((c) => ({ ...c, regionName: nasty })),
    };
    const out = renderBulletinHtml(hostile);
    expect(out).not.toMatch(/<script/i);
    expect(out).not.toContain('javascript:');
    expect(out).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;');
    const escaped = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;';
    for (const id of ['chart-regions', 'regions-table', 'la-table'])
      expect(elementById(out, id.startsWith('chart') ? 'svg' : 'table', id)).toContain(escaped);
    for (const id of ['completeness', 'revisions', 'characteristics']) expect(elementById(out, 'section', id)).toContain(escaped);
    expect(textOf(out)).toContain(nasty);
    expect(unbalancedTags(out)).toEqual([]);
  });

  it('renders a Week 53 bulletin and a revised edition', () => {
    const out = renderBulletinHtml(sampleBulletin({ weekCommencing: '2026-12-28', revision: 2 }));
    expect(out).toContain('Weekly statistics: week 53 2026');
    expect(out).toContain('Revised edition 2.');
    expect(textOf(out)).toContain('(ISO week 2026-W53)');
  });

  it('accepts a next release given as London wall-clock time', () => {
    const out = renderBulletinHtml({ ...b, nextReleaseAt: '2026-11-30T09:30:00 Europe/London' });
    expect(textOf(out)).toContain('Next release Monday 30 November 2026 at 9:30am');
  });
});
