// Two projects: fast unit specs beside the code (no broker, no database), and integration
// specs that run against the real Kafka broker and PostgreSQL started by test/global-setup.
// ts-jest without type checking (the build type-checks); pure JavaScript, so the lock file
// installs everywhere (@swc/core's per-platform binaries are not all served by every registry).
const tsJest = ['ts-jest', { isolatedModules: true, diagnostics: false }];
const moduleNameMapper = {
  '^@mcm/(shared|kafka|persistence|incidence|linkage|platform|disclosure|bulletin|ssda903)$': '<rootDir>/libs/$1/src',
  '^@mcm/(shared|kafka|persistence|incidence|linkage|platform|disclosure|bulletin|ssda903)/(.*)$': '<rootDir>/libs/$1/src/$2',
};
const common = { transform: { '^.+\\.ts$': tsJest }, moduleNameMapper, testEnvironment: 'node', rootDir: __dirname };

module.exports = {
  testTimeout: 180000,
  reporters: ['default', '<rootDir>/test/summary-reporter.js'],
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,tools}/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/**/*.integration-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
    },
  ],
};
