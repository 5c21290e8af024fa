/** A small CSV reader (commas, double quotes, "" escapes) for import_bulk_tasks_csv. */

function splitRow(line: string): string[] {
	const cells: string[] = [];
	let cell = '';
	let quoted = false;
	for (let i = 0; i < line.length; i++) {
		const ch = line[i];
		if (quoted && ch === '"' && line[i + 1] === '"') {
			cell += '"';
			i++;
		} else if (ch === '"') quoted = !quoted;
		else if (ch === ',' && !quoted) {
			cells.push(cell);
			cell = '';
		} else cell += ch;
	}
	cells.push(cell);
	return cells.map((c) => c.trim());
}

/** Rows as objects keyed by the header row; blank lines are skipped. */
export function readCsv(text: string): Record<string, string>[] {
	const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
	if (lines.length === 0) return [];
	const header = splitRow(lines[0]);
	return lines.slice(1).map((line) => {
		const cells = splitRow(line);
		const row: Record<string, string> = {};
		header.forEach((name, i) => {
			if (cells[i] !== undefined && cells[i] !== '') row[name] = cells[i];
		});
		return row;
	});
}
