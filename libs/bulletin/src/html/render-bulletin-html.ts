import { Bulletin } from '../bulletin.model';
import { formatDate, formatDateTime } from '../format';
import { contextOf } from './context';
import { contactHtml, esc, link } from './html';
import { aboutSection } from './sections/about';
import { breakdownsSection } from './sections/breakdowns';
import { completenessSection } from './sections/completeness';
import { BULLETIN_TITLE, headerSection } from './sections/header';
import { headlineSection } from './sections/headline';
import { localAuthoritiesSection } from './sections/local-authorities';
import { regionsSection } from './sections/regions';
import { repeatReturnSection } from './sections/repeat-return';
import { revisionsSection } from './sections/revisions';
import { trendSection } from './sections/trend';
import { STYLES } from './styles';

const CONTENTS = [
  { id: 'main-points', title: 'Main points' },
  { id: 'trend', title: '52-week trend' },
  { id: 'regions', title: 'By region' },
  { id: 'local-authorities', title: 'By local authority' },
  { id: 'characteristics', title: 'Characteristics of children and episodes' },
  { id: 'repeat-return', title: 'Repeat missing and return interviews' },
  { id: 'revisions', title: 'Revisions to earlier weeks' },
  { id: 'completeness', title: 'Completeness of reporting' },
  { id: 'about', title: 'About these statistics' },
];

/**
 * The bulletin as one self-contained HTML page: inline CSS (with a print stylesheet for A4),
 * inline SVG charts each followed by a table of its data, no scripts and no external assets.
 */
export function renderBulletinHtml(b: Bulletin): string {
  const ctx = contextOf(b);
  const breakdowns = breakdownsSection(ctx, 6);
  const repeatReturn = repeatReturnSection(ctx, 6 + breakdowns.tables);
  const revisionsTable = 6 + breakdowns.tables + repeatReturn.tables;
  const title = `${BULLETIN_TITLE}: week commencing ${formatDate(b.weekCommencing)}${b.revision > 0 ? ` (revised edition ${b.revision})` : ''}`;
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="${esc(`Weekly statistics on children going missing from home, from care and during school in England, ${b.week}.`)}">
<title>${esc(title)}</title>
<style>${STYLES}</style>
</head>
<body>
<a class="skip-link" href="#main-content">Skip to main content</a>
<header class="masthead"><div class="width"><span class="name">Missing Children Monitor</span></div></header>
<main class="width" id="main-content">
${headerSection(ctx, CONTENTS)}
${headlineSection(ctx)}
${trendSection(ctx)}
${regionsSection(ctx)}
${localAuthoritiesSection(ctx)}
${breakdowns.html}
${repeatReturn.html}
${revisionsSection(ctx, revisionsTable)}
${completenessSection(ctx, revisionsTable + 1)}
${aboutSection(ctx)}
</main>
<footer class="page-footer"><div class="width">
<p>${esc(BULLETIN_TITLE)}, ${esc(b.week)}${b.revision > 0 ? `, revised edition ${esc(String(b.revision))}` : ''}. Published ${esc(formatDateTime(b.publishedAt))}. ${esc(b.status)}.</p>
<p>${link(b.methodologyUrl, 'Methodology')} · ${contactHtml(b.contact)}</p>
</div></footer>
</body>
</html>
`;
}
