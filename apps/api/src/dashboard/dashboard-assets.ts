import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** A file the dashboard serves, by URL path. */
export interface AssetFile {
  file: string;
  /** Long-lived cache for versioned vendor files; revalidate our own. */
  immutable: boolean;
}

/**
 * Every file the dashboard serves, by exact URL path: an allow-list built once at start-up, so a
 * request can never name a file outside it. GOV.UK Frontend's compiled CSS refers to its fonts and
 * images as /assets/..., so those are served at that path.
 */
export function dashboardAssets(staticDir = findStaticDir() ?? join(process.cwd(), 'apps', 'api', 'static')): { assets: Map<string, AssetFile>; missing: string[] } {
  const govuk = dirname(require.resolve('govuk-frontend/dist/govuk/govuk-frontend.min.css'));
  const chartJs = join(dirname(require.resolve('chart.js')), 'chart.umd.min.js');
  const assets = new Map<string, AssetFile>([
    ['/dashboard/dashboard.js', { file: join(staticDir, 'dashboard.js'), immutable: false }],
    ['/dashboard/dashboard.css', { file: join(staticDir, 'dashboard.css'), immutable: false }],
    ['/dashboard/vendor/govuk-frontend.min.css', { file: join(govuk, 'govuk-frontend.min.css'), immutable: true }],
    ['/dashboard/vendor/chart.umd.min.js', { file: chartJs, immutable: true }],
  ]);
  for (const folder of ['fonts', 'images']) {
    for (const name of readdirSync(join(govuk, 'assets', folder))) {
      assets.set(`/assets/${folder}/${name}`, { file: join(govuk, 'assets', folder, name), immutable: true });
    }
  }
  const missing = [...assets].filter(([, asset]) => !existsSync(asset.file)).map(([path, asset]) => `${path} (${asset.file})`);
  for (const path of missing) assets.delete(path.split(' ')[0]);
  return { assets, missing };
}

/** apps/api/static, from source (tests) or from dist/ (the compiled service): walk up to it. */
export function findStaticDir(): string | undefined {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const candidate = join(dir, 'apps', 'api', 'static');
    if (existsSync(join(candidate, 'dashboard.js'))) return candidate;
  }
  return undefined;
}
