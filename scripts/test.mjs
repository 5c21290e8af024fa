#!/usr/bin/env node
// `npm test`: the whole suite on a fresh clone. Installs what it needs (scripts/bootstrap.mjs), then
// build, lint (the package: n8n-node lint), lint:repo (the rest of the tree), lint:scan, and jest for every
// project (unit, sandbox, e2e against real n8n).
// Extra arguments go to jest, e.g. `npm test -- --selectProjects unit`. Exits non-zero on any failure.
import { bootstrap, log, ROOT, runOrExit } from './bootstrap.mjs';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

const started = Date.now();
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
const step = (name, action) => {
	const t = Date.now();
	log(`${name} …`);
	action();
	log(`${name} ok (${seconds(t)})`);
};

step('bootstrap', bootstrap);
step('build', () => runOrExit('npm', ['run', 'build']));
step('lint', () => runOrExit('npm', ['run', 'lint']));
step('lint:repo', () => runOrExit('npm', ['run', 'lint:repo']));
step('lint:scan', () => runOrExit('npm', ['run', 'lint:scan']));
const jest = join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js');
// --forceExit: a test that leaves a server or socket open must not hang CI until its time limit;
// run `npx jest --detectOpenHandles` to find such leaks.
const flags = ['--forceExit', ...(process.env.CI ? ['--ci'] : [])];
const jestArgs = process.argv.slice(2);
// tests record which actions and trigger events they exercised (test/helpers/exercised.ts)
rmSync(join(ROOT, '.artifacts', 'exercised'), { recursive: true, force: true });
step('jest', () => runOrExit(process.execPath, [jest, ...flags, ...jestArgs]));
if (jestArgs.length === 0) {
	step('catalogue coverage', () => runOrExit(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'scripts', 'docs', 'exercised.ts')]));
}
log(`all passed in ${seconds(started)}`);
