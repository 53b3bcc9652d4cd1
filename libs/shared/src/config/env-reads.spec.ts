import { sourceFiles } from '../testing/source-files';

/**
 * Configuration is read once, validated, from the environment: only config modules (a class
 * validated by envValidator, in a `config/` folder or a `*.env.ts` file) and entry points (an
 * app's or tool's `main.ts`, and the migration CLIs) may touch `process.env`. Everything else is
 * given its settings.
 */
const ALLOWED = [
  /(^|\/)main\.ts$/,
  /\.env\.ts$/,
  /\/config\//,
  /^libs\/persistence\/src\/cli\/migrate\.ts$/, // npm run migration:run
  /^libs\/persistence\/src\/data-source\.ts$/, // the TypeORM CLI's entry point
];

/** Still to move into validated config (the linkage tooling, being reworked in its own change). */
const PENDING = ['tools/linkage/src/datasets.ts', 'tools/linkage/src/train.ts'];

describe('environment reads', () => {
  it('happen in config modules and entry points only', () => {
    const offenders = sourceFiles()
      .filter((file) => /\bprocess\.env\b/.test(file.text))
      .map((file) => file.path)
      .filter((path) => !ALLOWED.some((rule) => rule.test(path)) && !PENDING.includes(path));
    expect(offenders).toEqual([]);
  });

  it('finds a read where there is one (the check is not vacuous)', () => {
    const readers = sourceFiles(['apps']).filter((file) => /\bprocess\.env\b/.test(file.text)).map((file) => file.path);
    expect(readers).toContain('apps/aggregator/src/main.ts');
  });
});
