/**
 * Watches everything this process writes to stdout and stderr (jest's own output, and the test workers'
 * output jest forwards through it) for secrets, line by line, and counts the lines and the hits.
 */
import { findSecrets, type Hit } from './secrets';

type Write = typeof process.stdout.write;

export interface OutputWatch {
	/** Restores the streams; returns the lines scanned and the hits (with place, never the value). */
	stop(): { lines: number; hits: Hit[] };
}

/** Splits a stream's chunks into complete lines (a secret never spans lines) and scans each. */
export class LineScanner {
	lines = 0;
	readonly hits: Hit[] = [];
	private rest = '';

	constructor(private readonly name: string) {}

	push(chunk: unknown): void {
		const text = this.rest + (typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) || chunk instanceof Uint8Array ? Buffer.from(chunk).toString('utf8') : '');
		const lines = text.split('\n');
		this.rest = lines.pop() ?? '';
		for (const line of lines) this.scan(line);
	}

	end(): void {
		if (this.rest) this.scan(this.rest);
		this.rest = '';
	}

	private scan(line: string): void {
		this.lines++;
		this.hits.push(...findSecrets(line, `${this.name} line ${this.lines}`));
	}
}

function tap(stream: NodeJS.WriteStream, scanner: LineScanner): () => void {
	const original = stream.write;
	stream.write = function (this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]) {
		try {
			scanner.push(chunk);
		} catch {
			// watching must never break the output itself
		}
		return (original as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
	} as Write;
	return () => {
		stream.write = original;
	};
}

export function watchOutput(): OutputWatch {
	const scanners = [new LineScanner('jest stdout'), new LineScanner('jest stderr')];
	const restore = [tap(process.stdout, scanners[0]), tap(process.stderr, scanners[1])];
	return {
		stop() {
			for (const undo of restore) undo();
			for (const scanner of scanners) scanner.end();
			return { lines: scanners.reduce((n, s) => n + s.lines, 0), hits: scanners.flatMap((s) => s.hits) };
		},
	};
}
