/**
 * Reports which catalogue entries (actions and trigger events) the last test run exercised, from the
 * records test helpers leave in .artifacts/exercised. Exits 1 when an entry was not exercised.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { actionEntries, eventEntries } from './catalogue';

const dir = join(__dirname, '..', '..', '.artifacts', 'exercised');
const seen = new Set<string>();
if (existsSync(dir)) {
	for (const file of readdirSync(dir)) {
		for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) if (line) seen.add(line);
	}
}
const entries = [...actionEntries(), ...eventEntries()];
const missing = entries.filter((e) => !seen.has(e.key));
process.stdout.write(
	`catalogue coverage: ${entries.length - missing.length}/${entries.length} actions and trigger events exercised by tests\n`,
);
for (const e of missing) process.stdout.write(`  not exercised: ${e.key} (${e.name})\n`);
process.exitCode = missing.length ? 1 : 0;
