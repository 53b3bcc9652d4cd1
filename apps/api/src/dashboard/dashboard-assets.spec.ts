import { dashboardAssets, loadAsset } from './dashboard-assets';

describe('dashboard assets', () => {
  const { assets, missing } = dashboardAssets();

  it('are all found, and served with the media type the browser needs under nosniff', () => {
    expect(missing).toEqual([]);
    const typeOf = (path: string) => loadAsset(assets.get(path)!).headers['content-type'];
    expect(typeOf('/dashboard/dashboard.js')).toBe('text/javascript; charset=utf-8');
    expect(typeOf('/dashboard/vendor/govuk-frontend.min.css')).toBe('text/css; charset=utf-8');
    const font = [...assets.keys()].find((p) => p.endsWith('.woff2'))!;
    expect(typeOf(font)).toBe('font/woff2');
    for (const path of assets.keys()) expect([path, typeOf(path)]).not.toEqual([path, 'application/octet-stream']);
  });

  it('are cached for a day when versioned (vendor files), revalidated when ours, with validators', () => {
    const ours = loadAsset(assets.get('/dashboard/dashboard.css')!);
    expect(ours.headers['cache-control']).toBe('no-cache');
    expect(ours.headers.etag).toMatch(/^"[\w-]+"$/);
    expect(ours.headers['last-modified']).toMatch(/GMT$/);
    expect(loadAsset(assets.get('/dashboard/vendor/chart.umd.min.js')!).headers['cache-control']).toBe('public, max-age=86400');
  });
});
