import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { actionEntries, eventEntries, withCatalogue } from '../../../scripts/docs/catalogue';

describe('operations catalogue', () => {
	it('README.md shows exactly the catalogue generated from the code (run `npm run docs` after changing operations)', () => {
		const readme = readFileSync(join(__dirname, '..', '..', '..', 'README.md'), 'utf8');
		expect(readme).toEqual(withCatalogue(readme));
	});

	it('lists at least 126 actions and trigger events, each with a unique key and an endpoint or payload', () => {
		const entries = [...actionEntries(), ...eventEntries()];
		process.stdout.write(`catalogue: ${actionEntries().length} actions + ${eventEntries().length} trigger events = ${entries.length}\n`);
		expect(entries.length).toBeGreaterThanOrEqual(126);
		expect(new Set(entries.map((e) => e.key)).size).toBe(entries.length);
		for (const e of actionEntries()) expect(e.detail).toMatch(/^`(GET|POST|PUT|DELETE) \//);
	});
});
