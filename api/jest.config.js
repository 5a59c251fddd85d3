/** Unit tests: beside the code, nothing external. */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  rootDir: 'src',
  testRegex: '\\.spec\\.ts$',
  setupFiles: ['reflect-metadata'],
  transform: { '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/../tsconfig.spec.json' }] },
  transformIgnorePatterns: ['/node_modules/(?!(content-disposition|uuid)/)'],
  moduleNameMapper: { '^@navaia/shared$': '<rootDir>/../../shared/src/index.ts' },
};
