/**
 * The shared real n8n for the reliability tests (started by the e2e global setup), after a warm-up call:
 * the first call of a test file can meet a keep-alive socket n8n already closed ("other side closed").
 */
import type { N8n } from '../../../scripts/harness';
import { getN8n } from '../../e2e/n8n';

export async function readyN8n(): Promise<N8n> {
	const n8n = getN8n();
	for (let attempt = 1; ; attempt++) {
		try {
			await n8n.api('GET', '/workflows?limit=1');
			return n8n;
		} catch (error) {
			if (attempt >= 3) throw error;
		}
	}
}
