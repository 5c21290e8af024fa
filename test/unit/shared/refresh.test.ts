import { RefreshGate } from '../../../package/nodes/shared/transport/refresh';

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
		// the waiters learn the outcome of the refresh they waited for
		const waited = { ran: false, result: 'new-token' };
		expect(await Promise.all(others)).toEqual([waited, waited, waited]);
		expect(refreshes).toBe(1);
		expect(gate.busy).toBe(false);
	});

	it('frees the gate when the refresh fails; its waiters get no outcome and re-send', async () => {
		const gate = new RefreshGate();
		const failing = gate.run(async () => Promise.reject(new Error('invalid_grant')));
		const waiter = gate.run(async () => 'never runs');
		await expect(failing).rejects.toThrow('invalid_grant');
		expect(await waiter).toEqual({ ran: false });
		expect(gate.busy).toBe(false);
		await gate.idle();
	});
});
