import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The repository root (this file is libs/shared/src/testing/source-files.ts). */
export const REPOSITORY_ROOT = join(__dirname, '..', '..', '..', '..');

/**
 * The TypeScript files under the given top-level folders (paths relative to the root, with '/'),
 * unit specs (`*.spec.ts`) left out; integration specs (`*.integration-spec.ts`) are kept.
 */
export function sourceFiles(folders: string[] = ['apps', 'libs', 'tools']): { path: string; text: string }[] {
  const found: { path: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== 'dist') walk(full);
      } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') && !entry.name.endsWith('.d.ts')) {
        found.push({ path: relative(REPOSITORY_ROOT, full).split('\\').join('/'), text: readFileSync(full, 'utf8') });
      }
    }
  };
  for (const folder of folders) walk(join(REPOSITORY_ROOT, folder));
  return found;
}
