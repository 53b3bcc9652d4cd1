import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';

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
export function dashboardAssets(staticDir = findStaticDir() ?? join(process.cwd(), 'apps', 'api', 'static')): {
  assets: Map<string, AssetFile>;
  missing: string[];
} {
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

/** A dashboard file as it is served: read once at start-up (they are part of the release). */
export interface LoadedAsset {
  body: Buffer;
  headers: Record<string, string>;
}

/** Media types of the files the dashboard serves (with nosniff, a wrong one breaks the page). */
const MEDIA_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/vnd.microsoft.icon',
};

/** The file's bytes and the headers it is served with: media type, caching and validators. */
export function loadAsset(asset: AssetFile): LoadedAsset {
  const body = readFileSync(asset.file);
  const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
  return {
    body,
    headers: {
      'content-type': MEDIA_TYPES[extname(asset.file)] ?? 'application/octet-stream',
      'cache-control': asset.immutable ? 'public, max-age=86400' : 'no-cache',
      etag,
      'last-modified': statSync(asset.file).mtime.toUTCString(),
    },
  };
}
