/** API end-to-end tests against the machine's PostgreSQL and Redis (a fresh database per run). */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  rootDir: '.',
  testRegex: '\\.e2e-spec\\.ts$',
  setupFiles: ['reflect-metadata'],
  globalSetup: '<rootDir>/support/global-setup.ts',
  globalTeardown: '<rootDir>/support/global-teardown.ts',
  testTimeout: 30_000,
  transform: { '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/../tsconfig.spec.json' }] },
  transformIgnorePatterns: ['/node_modules/(?!(content-disposition|uuid)/)'],
  moduleNameMapper: { '^@navaia/shared$': '<rootDir>/../../shared/src/index.ts' },
};
