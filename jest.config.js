// Three jest projects, one ts-jest setup:
// - unit:    test/unit, pure functions and request builders (fast, parallel)
// - sandbox: test/sandbox, every API operation against the in-process sandbox (each file starts its own on a free port)
// - e2e:     test/e2e, real n8n. Jest takes runInBand and testTimeout only globally, so `npm run test:e2e` should pass
//            `--runInBand` and e2e files set their own long timeouts (jest.setTimeout) or a setupFilesAfterEnv the
//            harness adds here, together with its globalSetup/globalTeardown.
const fs = require('node:fs');
const path = require('node:path');

/** @type {import('ts-jest').TsJestTransformerOptions} */
const tsJest = { tsconfig: '<rootDir>/tsconfig.test.json' };

const project = (name, extra = {}) => ({
	displayName: name,
	testEnvironment: 'node',
	transform: { '^.+\\.ts$': ['ts-jest', tsJest] },
	moduleFileExtensions: ['ts', 'js', 'json'],
	testMatch: ['**/*.test.ts'],
	// a missing folder is not an error: the project simply has no tests yet
	roots: fs.existsSync(path.join(__dirname, 'test', name)) ? [`<rootDir>/test/${name}`] : ['<rootDir>/test'],
	testPathIgnorePatterns: fs.existsSync(path.join(__dirname, 'test', name)) ? ['/node_modules/'] : ['.*'],
	...extra,
});

/** @type {import('jest').Config} */
module.exports = {
	projects: [
		project('unit'),
		project('sandbox'),
		project('e2e', {
			slowTestThreshold: 60,
			// one shared real n8n for all e2e and reliability files (scripts/harness, test/e2e/global-setup.ts), wrapped
			// by the reliability setup/teardown: secrets scan of n8n and of the run's output, reliability summary lines
			globalSetup: '<rootDir>/test/reliability/global-setup.ts',
			globalTeardown: '<rootDir>/test/reliability/global-teardown.ts',
			setupFilesAfterEnv: ['<rootDir>/test/e2e/setup-timeout.ts'],
		}),
		// reliability: fault storm, tokens, webhooks, bad input + fuzz, secrets, daily budget (test/reliability/README.md).
		// Shares the e2e project's n8n (same globalSetup/Teardown paths: jest runs each path once per run).
		project('reliability', {
			slowTestThreshold: 120,
			globalSetup: '<rootDir>/test/reliability/global-setup.ts',
			globalTeardown: '<rootDir>/test/reliability/global-teardown.ts',
			setupFilesAfterEnv: ['<rootDir>/test/e2e/setup-timeout.ts'],
		}),
	],
};
