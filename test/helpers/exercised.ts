/**
 * Which catalogue entries (actions and trigger events) the tests exercised. Test helpers that run a node
 * record `<node>:<resource>:<operation>` or `<node>:event:<event>`; `scripts/docs/exercised.ts` compares
 * the records of a test run with the catalogue and reports what no test exercised.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const EXERCISED_DIR = join(__dirname, '..', '..', '.artifacts', 'exercised');

export function markExercised(key: string): void {
	mkdirSync(EXERCISED_DIR, { recursive: true });
	appendFileSync(join(EXERCISED_DIR, `${process.pid}.log`), `${key}\n`);
}
