import fc from 'fast-check';

import {
	advance,
	CREATE_TOLERANCE_MS,
	initialState,
	LOOKBACK_MS,
	readState,
	searchFrom,
	type StreamState,
} from '../../../package/nodes/GhlPollTrigger/cursor';

const T0 = Date.parse('2026-03-01T10:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();
const contact = (id: string, added: number, updated = added) => ({ id, dateAdded: iso(added), dateUpdated: iso(updated) });

describe('GHL poll cursor', () => {
	it('treats everything before activation as handled', () => {
		const state = initialState([contact('old', T0 - 60_000)], 'dateAdded', T0);
		expect(state.since).toBe(T0);
		const { emit } = advance(state, [contact('old', T0 - 60_000), contact('new', T0 + 1000)], 'dateAdded');
		expect(emit.map((c) => c.id)).toEqual(['new']);
	});

	it('emits each new contact once across polls, including one that reaches the index late', () => {
		let state: StreamState = initialState([], 'dateAdded', T0);
		const a = contact('a', T0 + 1000);
		const b = contact('b', T0 + 5000);
		const late = contact('late', T0 + 3000);
		let result = advance(state, [a, b], 'dateAdded');
		expect(result.emit.map((c) => c.id)).toEqual(['a', 'b']);
		state = result.state;
		expect(searchFrom(state)).toBe(T0 + 5000 - LOOKBACK_MS);
		result = advance(state, [a, late, b], 'dateAdded');
		expect(result.emit.map((c) => c.id)).toEqual(['late']);
		result = advance(result.state, [a, late, b], 'dateAdded');
		expect(result.emit).toEqual([]);
	});

	it('emits an update once per new dateUpdated, and never a contact that was only created', () => {
		let state = initialState([], 'dateUpdated', T0);
		const fresh = contact('fresh', T0 + 1000, T0 + 1000 + CREATE_TOLERANCE_MS - 1);
		const edited = contact('edited', T0 - 86_400_000, T0 + 2000);
		let result = advance(state, [fresh, edited], 'dateUpdated');
		expect(result.emit.map((c) => c.id)).toEqual(['edited']);
		state = result.state;
		result = advance(state, [fresh, edited], 'dateUpdated');
		expect(result.emit).toEqual([]);
		const editedAgain = contact('edited', T0 - 86_400_000, T0 + 9000);
		result = advance(result.state, [fresh, editedAgain], 'dateUpdated');
		expect(result.emit).toEqual([editedAgain]);
	});

	it('forgets IDs that a later search can no longer return', () => {
		const state = initialState([], 'dateAdded', T0);
		const { state: next } = advance(state, [contact('a', T0 + 1000), contact('b', T0 + LOOKBACK_MS + 5000)], 'dateAdded');
		expect(Object.keys(next.seen)).toEqual(['b']);
	});

	it('reads GHL times as UTC when they carry no offset (never in the host\'s clock zone)', () => {
		const state = initialState([], 'dateAdded', T0);
		const { emit, state: next } = advance(state, [{ id: 'bare', dateAdded: '2026-03-01T10:00:05', dateUpdated: '2026-03-01T10:00:05' }], 'dateAdded');
		expect(emit.map((c) => c.id)).toEqual(['bare']);
		expect(next.since).toBe(T0 + 5000);
	});

	it('reads back only well-formed state', () => {
		expect(readState(undefined)).toBeUndefined();
		expect(readState({ since: 'x', seen: {} })).toBeUndefined();
		expect(readState({ since: 5, seen: { a: 5 } })).toEqual({ since: 5, seen: { a: 5 } });
	});

	it('never emits a contact twice and never misses one, whatever order and overlap the searches return', () => {
		fc.assert(
			fc.property(
				fc.array(fc.integer({ min: 1, max: 120_000 }), { minLength: 1, maxLength: 40 }),
				fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 8 }),
				(offsets, cuts) => {
					const all = offsets.map((o, i) => contact(`c${i}`, T0 + o));
					let state = initialState([], 'dateAdded', T0);
					const emitted: string[] = [];
					// each poll sees a growing prefix of the index (in creation order, with lag), sorted by time
					for (const cut of [...cuts.sort((x, y) => x - y), all.length]) {
						const from = searchFrom(state);
						const visible = all
							.slice(0, cut)
							.filter((c) => Date.parse(c.dateAdded) >= from)
							.sort((x, y) => Date.parse(x.dateAdded) - Date.parse(y.dateAdded));
						const result = advance(state, visible, 'dateAdded');
						emitted.push(...result.emit.map((c) => String(c.id)));
						state = result.state;
					}
					expect(new Set(emitted).size).toBe(emitted.length);
					expect(emitted.sort()).toEqual(all.map((c) => c.id).sort());
				},
			),
		);
	});
});
