import { LOC1, records, rl, useGhl } from './setup';

const env = useGhl();

describe('Get Many past 10,000', () => {
	it('Return All over 12,000 contacts returns exactly 12,000 distinct contacts', async () => {
		env.sandbox.admin.seed({ ghl: { contacts: 12_000 } } as never);
		const { output, requests } = await env.run({ resource: 'contact', operation: 'getAll', returnAll: true, simplify: true });
		expect(output).toHaveLength(12_000);
		expect(new Set(output.map((o) => o.json.id)).size).toBe(12_000);
		const bodies = requests.map((r) => r.body as Record<string, unknown>);
		// numbered pages inside GHL's 10,000-record window, then the searchAfter cursor
		expect(bodies.filter((b) => b.page !== undefined).every((b) => Number(b.page) * Number(b.pageLimit) <= 10_000)).toBe(true);
		expect(bodies.some((b) => Array.isArray(b.searchAfter))).toBe(true);
		expect(output.every((o) => o.pairedItem && (o.pairedItem as { item: number }).item === 0)).toBe(true);
	}, 120_000);
});

describe('custom fields', () => {
	// free-text fields: option fields keep only their options (below)
	const fields = () => records(env.sandbox, 'customFields', { locationId: LOC1 }).filter((f) => ['TEXT', 'LARGE_TEXT'].includes(String(f.dataType)));
	const byKey = (key: string) => fields().find((f) => f.fieldKey === key)!;
	/** Read back through the API (GET /contacts/:id), the way a workflow would see it. */
	const valueOf = async (contactId: string, fieldId: string) => {
		const contact = await env.one({ resource: 'contact', operation: 'get', contactId: rl(contactId), simplify: false });
		return ((contact.customFields ?? []) as Array<{ id: string; value: unknown }>).find((c) => c.id === fieldId)?.value;
	};

	it('save on create (by id and by key), survive an update of other fields, and change on update', async () => {
		const [first, second] = fields();
		const key = String(second.fieldKey);
		const created = await env.one({
			resource: 'contact',
			operation: 'create',
			email: 'cf@example.com',
			duplicateHandling: 'create',
			additionalFields: { customFields: { field: [{ fieldId: first.id, value: 'one' }, { fieldId: key, value: 'two' }] } },
			simplify: false,
		});
		const id = String(created.id);
		expect(await valueOf(id, String(first.id))).toBe('one');
		expect(await valueOf(id, String(byKey(key).id))).toBe('two');

		await env.one({ resource: 'contact', operation: 'update', contactId: rl(id), updateFields: { city: 'Hull' }, simplify: true });
		expect(await valueOf(id, String(first.id))).toBe('one');
		expect(await valueOf(id, String(second.id))).toBe('two');

		await env.one({
			resource: 'contact',
			operation: 'update',
			contactId: rl(id),
			updateFields: { customFields: { field: [{ fieldId: first.id, value: 'changed' }] } },
			simplify: true,
		});
		expect(await valueOf(id, String(first.id))).toBe('changed');
		expect(await valueOf(id, String(second.id))).toBe('two');
	});

	it('come out with their name and key beside the ID, from one look-up per run', async () => {
		const [first, second] = fields();
		const created = await env.one({
			resource: 'contact',
			operation: 'create',
			email: 'cf-names@example.com',
			duplicateHandling: 'create',
			additionalFields: { customFields: { field: [{ fieldId: first.id, value: 'one' }, { fieldId: second.id, value: 'two' }] } },
			simplify: false,
		});
		const { output, requests } = await env.run({ resource: 'contact', operation: 'get', contactId: rl(String(created.id)), simplify: false }, { items: 3 });
		for (const item of output) {
			expect(item.json.customFields).toEqual(
				expect.arrayContaining([
					{ id: first.id, name: first.name, key: first.fieldKey, value: 'one' },
					{ id: second.id, name: second.name, key: second.fieldKey, value: 'two' },
				]),
			);
		}
		expect(requests.filter((r) => r.url.includes('/customFields'))).toHaveLength(1);
	});

	it('an option value that is not one of the field\'s options is silently not saved, as GHL does (Version 1 sends it as given)', async () => {
		const colour = records(env.sandbox, 'customFields', { locationId: LOC1 }).find((f) => f.fieldKey === 'contact.favourite_colour')!;
		const created = await env.one({
			resource: 'contact',
			operation: 'create',
			email: 'cf-option@example.com',
			duplicateHandling: 'create',
			additionalFields: { customFields: { field: [{ fieldId: colour.id, value: 'Purple' }] } },
			simplify: false,
		});
		expect(await valueOf(String(created.id), String(colour.id))).toBeUndefined();
	});

	it('save on create or update of an existing contact', async () => {
		const [first] = fields();
		const a = await env.one({ resource: 'contact', operation: 'upsert', email: 'cfu@example.com', additionalFields: {}, simplify: false });
		await env.one({
			resource: 'contact',
			operation: 'upsert',
			email: 'cfu@example.com',
			additionalFields: { customFields: { field: [{ fieldId: first.id, value: 'upserted' }] } },
			simplify: false,
		});
		expect(await valueOf(String(a.id), String(first.id))).toBe('upserted');
	});
});
