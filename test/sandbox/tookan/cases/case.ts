/** One success scenario for one endpoint of the catalogue. */
import type { World } from '../fixtures';
import type { Harness } from '../harness';

export interface Case {
	path: string;
	run(h: Harness, w: World): Promise<void>;
}
