/**
 * Every endpoint of the Tookan catalogue, called through the node against the sandbox: the run succeeds,
 * reaches the catalogue's path with its method, and the request carries each field the catalogue lists as
 * required (with a value). The last test counts the endpoints exercised.
 */
import { ALL_CASES } from './cases';
import { CATALOGUE } from './catalogue';
import { startTestbed, withoutKey, type Sent, type Testbed } from './testbed';
import { makeWorld, type World } from './world';

let t: Testbed;
let w: World;
const exercised = new Map<string, Sent>();

beforeAll(async () => {
	t = await startTestbed();
	w = await makeWorld(t);
});

afterAll(async () => await t.close());

test('the cases name every catalogue endpoint once', () => {
	expect(CATALOGUE).toHaveLength(87);
	expect(ALL_CASES.map((c) => c.path).sort()).toEqual(CATALOGUE.map((e) => e.path).sort());
});

describe.each(ALL_CASES)('$resource › $operation', ({ path, resource, operation, params }) => {
	test(`calls ${path} with the catalogue's required fields`, async () => {
		const entry = CATALOGUE.find((e) => e.path === path)!;
		const { output, sent } = await t.run({ resource, operation, ...params(w) });
		const calls = sent.filter((s) => s.path === path);
		expect(calls.length).toBeGreaterThan(0);
		for (const call of calls) {
			expect(call.method).toBe(entry.method);
			const missing = entry.required.filter((key) => call.params[key] === undefined || call.params[key] === '');
			if (missing.length) throw new Error(`${path} lacks ${missing.join(', ')}: ${JSON.stringify(withoutKey(call.params))}`);
		}
		for (const item of output) expect(item.json.error).toBeUndefined();
		exercised.set(path, calls[0]);
	});
});

test('every catalogue endpoint was exercised against the sandbox', () => {
	process.stdout.write(`Tookan node: ${exercised.size} of ${CATALOGUE.length} catalogue endpoints exercised against the sandbox\n`);
	expect([...exercised.keys()].sort()).toEqual(CATALOGUE.map((e) => e.path).sort());
	expect(exercised.size).toBe(87);
});
