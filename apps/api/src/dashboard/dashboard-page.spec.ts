import { ReferenceData } from '@mcm/shared';
import { dashboardConfig, renderDashboardPage } from './dashboard-page';

describe('dashboard page', () => {
  const reference = new ReferenceData(
    'test',
    [
      { code: 'E09000033', name: 'Westminster', laNumber: '213', regionCode: 'E12000007', regionName: 'London' },
      {
        code: 'E06000001',
        name: 'Hartlepool </script><script>alert(1)</script>',
        laNumber: '805',
        regionCode: 'E12000001',
        regionName: 'North East',
      },
    ],
    [],
  );

  it('names the last complete ISO week (London calendar) and sorts the geography by name', () => {
    const config = dashboardConfig(reference, new Date('2026-11-23T10:00:00Z'));
    expect(config.lastEndedWeek).toBe('2026-W47');
    expect(config.regions.map((r) => r.name)).toEqual(['London', 'North East']);
    expect(config.localAuthorities.map((l) => l.code)).toEqual(['E06000001', 'E09000033']);
  });

  it('embeds the configuration as inert JSON and has no inline script or style (strict CSP)', () => {
    const html = renderDashboardPage(dashboardConfig(reference));
    expect(html).not.toContain('<script>alert');
    expect(html.match(/<script\b[^>]*>/g)).toEqual([
      '<script type="application/json" id="mcm-config">',
      '<script src="/dashboard/vendor/chart.umd.min.js" defer>',
      '<script src="/dashboard/dashboard.js" defer>',
    ]);
    expect(html).not.toMatch(/\sstyle=|<style|\son[a-z]+=/);
    const json = /<script type="application\/json" id="mcm-config">(.*?)<\/script>/s.exec(html)![1];
    expect(JSON.parse(json).localAuthorities[0].name).toBe('Hartlepool </script><script>alert(1)</script>');
  });
});

describe('dashboard labels', () => {
  it('says EDUCATION is missing during school, not children missing education, and shows care by missing type', () => {
    const html = renderDashboardPage(dashboardConfig(new ReferenceData('test', [], [])));
    expect(html).toContain('<option value="EDUCATION">During school</option>');
    expect(html).toContain('not "children missing education", who are not registered at any school');
    expect(html).toContain('id="care-type-table"');
    expect(html).not.toMatch(/>Education</);
  });
});

describe('dashboard header', () => {
  it('uses GOV.UK Frontend 6 header markup (logo block with padding), not the removed header__content, so nothing is clipped', () => {
    const html = renderDashboardPage(dashboardConfig(new ReferenceData('test', [], [])));
    expect(html).toContain('<div class="govuk-header__logo">');
    expect(html).toContain('<span class="govuk-header__product-name">Missing Children Monitor</span>');
    expect(html).not.toContain('govuk-header__content');
    expect(html).toContain('id="disclosure-note"');
    expect(html).not.toContain('suppression-legend');
  });
});
