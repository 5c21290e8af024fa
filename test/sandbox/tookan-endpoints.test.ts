/**
 * Every endpoint of the Tookan catalogue: one success scenario each (asserting state through other
 * endpoints), and for every endpoint the transport rules: no api_key → 100, a wrong key → 101, each
 * required field missing → 100 naming it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOGUE } from '../../sandbox/tookan/index';
import type { Case } from './tookan/cases/case';
import { accountCases, managerCases, merchantCases, missionCases, regionCases, teamCases } from './tookan/cases/organisation';
import { agentCases, customerCases } from './tookan/cases/people';
import { taskCases } from './tookan/cases/tasks';
import { startWorld, type World } from './tookan/fixtures';
import type { Harness } from './tookan/harness';

const CASES: Case[] = [
	...taskCases,
	...customerCases,
	...agentCases,
	...teamCases,
	...managerCases,
	...merchantCases,
	...regionCases,
	...missionCases,
	...accountCases,
];

let h: Harness;
let w: World;

beforeAll(async () => ({ h, w } = await startWorld()));

afterAll(() => h.close());

test('the catalogue has 87 endpoints and every one has a success scenario', () => {
	const covered = new Set(CASES.map((c) => c.path));
	expect(CATALOGUE).toHaveLength(87);
	expect(covered.size).toBe(CASES.length);
	expect([...covered].sort()).toEqual(CATALOGUE.map((e) => e.path).sort());
	console.log(`Tookan sandbox endpoints covered: ${covered.size} of ${CATALOGUE.length}`);
});

describe.each(CASES)('$path', ({ run }) => {
	test('succeeds and changes or reads state as described', () => run(h, w));
});

const filled = (names: readonly string[]) => Object.fromEntries(names.map((n) => [n, '1']));

describe.each(CATALOGUE)('$method $path transport rules', (endpoint) => {
	const needed = [...endpoint.required, ...endpoint.assumed];

	test('no api_key → status 100 naming it; a wrong key → status 101; HTTP 200 both times', async () => {
		const none = await h.call(endpoint.path, filled(needed), { apiKey: null });
		expect(none).toMatchObject({ status: 100, message: expect.stringContaining('api_key') });
		const wrong = await h.call(endpoint.path, filled(needed), { apiKey: 'not-the-key' });
		expect(wrong).toMatchObject({ status: 101, data: {} });
	});

	if (needed.length > 0) {
		test.each(needed)('without %s → status 100 naming it', async (name) => {
			const res = await h.call(endpoint.path, filled(needed.filter((n) => n !== name)));
			expect(res.status).toBe(100);
			expect(res.message).toContain(name);
		});
	}
});

/** The research catalogue lives outside the repo; when it is present, our table must agree with it. */
const researchSpec = join(__dirname, '../../../shared/spec/tookan/endpoints.json');
(existsSync(researchSpec) ? test : test.skip)('paths, methods and required fields agree with the research catalogue', () => {
	const spec = JSON.parse(readFileSync(researchSpec, 'utf8')) as { endpoints: { path: string; method: string; required: string[] }[] };
	const ours = CATALOGUE.map((e) => ({ path: e.path, method: e.method, required: [...e.required].sort() }));
	const theirs = spec.endpoints.map((e) => ({ path: e.path, method: e.method, required: [...e.required].sort() }));
	expect(ours).toEqual(theirs);
});
