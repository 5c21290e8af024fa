import { RefreshGate } from '../../../nodes/shared/transport/refresh';

describe('refresh gate', () => {
	it('lets exactly one caller refresh while the others wait for it', async () => {
		const gate = new RefreshGate();
		let refreshes = 0;
		let release!: () => void;
		const slow = new Promise<void>((r) => (release = r));
		const refresh = async () => {
			refreshes++;
			await slow;
			return 'new-token';
		};
		const first = gate.run(refresh);
		const others = [gate.run(refresh), gate.run(refresh), gate.run(refresh)];
		expect(gate.busy).toBe(true);
		release();
		expect(await first).toEqual({ ran: true, result: 'new-token' });
		expect(await Promise.all(others)).toEqual([{ ran: false }, { ran: false }, { ran: false }]);
		expect(refreshes).toBe(1);
		expect(gate.busy).toBe(false);
	});

	it('frees the gate when the refresh fails', async () => {
		const gate = new RefreshGate();
		await expect(gate.run(async () => Promise.reject(new Error('invalid_grant')))).rejects.toThrow('invalid_grant');
		expect(gate.busy).toBe(false);
		await gate.idle();
	});
});
