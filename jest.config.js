/** Native ESM + swc: tests run the same module graph as `npm start`, without a build step. */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript' }, target: 'es2022', keepClassNames: true },
        module: { type: 'es6' },
      },
    ],
  },
  // Source imports use the '.js' suffix NodeNext requires; jest resolves them to the .ts files.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testMatch: ['<rootDir>/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.data/'],
  globalSetup: '<rootDir>/test/support/global-setup.js',
  globalTeardown: '<rootDir>/test/support/global-teardown.js',
  // Longest files first, also on a fresh clone without Jest's timing cache (docs/testing.md).
  testSequencer: '<rootDir>/test/support/sequencer.js',
  // Generous: a loaded machine may take minutes where an idle one takes seconds; no test relies on it (docs/testing.md).
  testTimeout: 600_000,
  // Two test files at a time: on a 2-core machine Jest's default (cores - 1) runs them one by one,
  // although a file spends much of its time waiting for PostgreSQL and for the processes it started.
  maxWorkers: 2,
  // A worker's heap grew to about 1.2 GB over a run (each test file's modules are kept until
  // collected), and a worker that big took longer than Jest's half second to exit at the end, so Jest
  // killed it ("A worker process has failed to exit gracefully"). A worker over this limit after a
  // file is replaced by a fresh one: the warning is gone, at about 30 s more for the whole run.
  workerIdleMemoryLimit: '700MB',
};
