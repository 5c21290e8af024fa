/**
 * Writes workflows/<slug>.json from the template builders: `npx tsx scripts/templates/build.ts`.
 * `--check` only compares and exits 1 when a file is missing or out of date.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';

import { render, templateFile, TEMPLATES, WORKFLOWS_DIR } from './catalogue';

const check = process.argv.includes('--check');
let stale = 0;
mkdirSync(WORKFLOWS_DIR, { recursive: true });
for (const build of TEMPLATES) {
	const flow = build();
	const file = templateFile(flow.slug);
	const text = render(flow);
	const same = existsSync(file) && readFileSync(file, 'utf8') === text;
	if (same) continue;
	if (check) {
		stale++;
		process.stderr.write(`${file} is out of date: run npx tsx scripts/templates/build.ts\n`);
	} else {
		writeFileSync(file, text);
		process.stdout.write(`wrote ${file}\n`);
	}
}
process.exit(stale ? 1 : 0);
