/**
 * Module boundaries the build enforces (`npm run lint`). Libs sit below apps, apps below tools
 * and tests; the Kafka client and the database driver each stay behind one lib, so replacing
 * either touches that lib alone (kafkajs is no longer maintained).
 */
module.exports = {
  forbidden: [
    {
      name: 'libs-never-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'apps-never-import-other-apps',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'tools-and-tests-use-an-app-through-its-public-entry',
      comment: 'An app is imported only through its modules (*.module.ts), its config (*.env.ts) or its index.ts.',
      severity: 'error',
      from: { path: '^(tools|test)/' },
      to: { path: '^apps/', pathNot: '^apps/[^/]+/src/(index|.+\\.module|.+\\.env)\\.ts$' },
    },
    {
      name: 'only-libs-kafka-imports-kafkajs',
      severity: 'error',
      from: { pathNot: '^libs/kafka/' },
      to: { path: '(^|/)node_modules/kafkajs/' },
    },
    {
      name: 'only-libs-persistence-imports-the-database-driver-and-orm',
      comment: "The benchmarks' raw-limit probe measures the driver itself, beside the pipeline.",
      severity: 'error',
      from: { pathNot: '^(libs/persistence/|tools/bench/src/raw-limits\\.ts$)' },
      to: { path: '(^|/)node_modules/(pg|typeorm|@nestjs/typeorm)/' },
    },
    {
      name: 'no-relative-imports-across-libs',
      comment: 'Another lib is imported by its name (@mcm/<lib>), never by a relative path into its files.',
      severity: 'error',
      from: { path: '^libs/([^/]+)/' },
      to: { path: '^libs/', pathNot: '^libs/$1/', dependencyTypesNot: ['aliased-tsconfig', 'aliased-tsconfig-paths', 'aliased'] },
    },
    {
      name: 'no-circular',
      comment: 'A cycle through type-only imports is erased at compile time and allowed.',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|\\.infra)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
