/**
 * The GHL node's dates, times and phones against the sandbox, with the workflow's time zone set as
 * n8n sets it (getTimezone()). The same cases run in real n8n under several time-zone settings in
 * test/e2e/time-zones.test.ts; here the request bodies are checked field by field.
 */
import type { SentRequest } from '../../helpers/n8n-context';
import { records, useGhl } from './setup';

const env = useGhl();

const SYDNEY = { timeZone: 'Australia/Sydney' };
const create = (email: string, extra: Record<string, unknown>) => ({
	resource: 'contact',
	operation: 'create',
	email,
	duplicateHandling: 'create',
	additionalFields: extra,
	simplify: true,
});
const bodyOf = (requests: SentRequest[], path: string) => requests.find((r) => r.url.endsWith(path))?.body as Record<string, unknown>;

describe('date of birth: the calendar date as written or picked, in any zone', () => {
	it.each([
		['the date picker (date only)', '1988-03-14'],
		['the older date-and-time picker', '1988-03-14T00:00:00'],
		["GHL's MM/DD/YYYY", '03/14/1988'],
		["GHL's MM-DD-YYYY", '03-14-1988'],
		["GHL's YYYY.MM.DD", '1988.03.14'],
		['a Luxon DateTime in the workflow zone (collection: its text)', '1988-03-14T00:00:00.000+11:00'],
		['a Luxon DateTime in the workflow zone (object)', { toISO: () => '1988-03-14T00:00:00.000+11:00' }],
	])('%s', async (_how, value) => {
		const { output, requests } = await env.run(create(`dob${Math.random()}@example.com`, { dateOfBirth: value }), SYDNEY);
		expect(bodyOf(requests, '/contacts/').dateOfBirth).toBe('1988-03-14');
		expect(records(env.sandbox, 'contacts', { id: String(output[0].json.id) })[0].dateOfBirth).toBe('1988-03-14T00:00:00.000Z');
		expect(output[0].json.dateOfBirth).toBe('1988-03-14'); // Simplify: the date, not GHL's midnight UTC
	});

	it('a string with an offset keeps its written date (1985-06-30T00:00:00+10:00 is June 30)', async () => {
		const { requests } = await env.run(create('offset@example.com', { dateOfBirth: '1985-06-30T00:00:00+10:00' }), { timeZone: 'UTC' });
		expect(bodyOf(requests, '/contacts/').dateOfBirth).toBe('1985-06-30');
	});

	it('refuses what is not a date, naming the field, the item and the accepted forms', async () => {
		await expect(env.run(create('bad@example.com', { dateOfBirth: '14/03/1988' }), SYDNEY)).rejects.toThrow(
			'"Additional Fields › Date of Birth" is not a real date: "14/03/1988" (GHL reads dates like this one month first: MM/DD/YYYY) [item 0]',
		);
		await expect(env.run(create('bad@example.com', { dateOfBirth: 'soon' }), SYDNEY)).rejects.toThrow(/MM\/DD\/YYYY\), got "soon" \[item 0\]/);
	});
});

describe('date-times without an offset are read in the workflow zone', () => {
	it('a due date picked as 2026-12-10 15:00 in Sydney is 04:00 UTC', async () => {
		const contact = (await env.run(create('due@example.com', {}))).output[0].json;
		const { requests } = await env.run(
			{ resource: 'task', operation: 'create', contactId: { __rl: true, mode: 'id', value: contact.id }, title: 'Call', dueDate: '2026-12-10T15:00:00' },
			SYDNEY,
		);
		expect(bodyOf(requests, '/tasks').dueDate).toBe('2026-12-10T04:00:00.000Z');
		expect(records(env.sandbox, 'tasks', { contactId: String(contact.id) })[0].dueDate).toBe('2026-12-10T04:00:00.000Z');
	});

	it('search date filters: a date alone is that whole day in the workflow zone; a date of birth its calendar date', async () => {
		await env.run(create('born@example.com', { dateOfBirth: '1988-03-14' }));
		const search = async (field: string, value: string, valueTo: string) => {
			const { output, requests } = await env.run(
				{ resource: 'contact', operation: 'getAll', filters: { filter: [{ field, operator: 'range', value, valueTo }] }, returnAll: true, simplify: true },
				SYDNEY,
			);
			return { range: (bodyOf(requests, '/contacts/search').filters as Array<{ value: unknown }>)[0].value, emails: output.map((o) => o.json.email) };
		};
		expect(await search('dateOfBirth', '1988-03-14', '1988-03-14')).toEqual({
			range: { gte: '1988-03-14T00:00:00.000Z', lte: '1988-03-14T23:59:59.999Z' },
			emails: ['born@example.com'],
		});
		expect((await search('dateAdded', '2026-12-10', '2026-12-10')).range).toEqual({ gte: '2026-12-09T13:00:00.000Z', lte: '2026-12-10T12:59:59.999Z' });
		expect((await search('dateAdded', '2026-12-10T15:00:00', '2026-12-10T16:00:00+11:00')).range).toEqual({
			gte: '2026-12-10T04:00:00.000Z',
			lte: '2026-12-10T05:00:00.000Z',
		});
	});
});

describe('phones', () => {
	it('sends E.164 and keeps the extension apart in the output', async () => {
		const { output, requests } = await env.run({ ...create('ext@example.com', {}), phone: '+44 (0)161 496 0123 ext. 45' });
		expect(bodyOf(requests, '/contacts/').phone).toBe('+441614960123');
		expect(output[0].json).toMatchObject({ phone: '+441614960123', phoneExtensions: { phone: '45' } });
	});

	it('refuses what cannot be a phone, naming the field and the item, before sending', async () => {
		const { output, requests } = await env.run(
			(i) => ({ ...create(`p${i}@example.com`, {}), phone: i === 1 ? 'call me' : '+1 415 555 0123' }),
			{ items: 2, continueOnFail: true },
		);
		expect(output[1].json.error).toBe('"Phone" is not a phone number (it contains letters): "call me" [item 1]');
		expect(requests.filter((r) => r.url.endsWith('/contacts/'))).toHaveLength(1);
	});
});

describe('Create or Update without email or phone', () => {
	it('is refused before sending, naming the item and what to use instead', async () => {
		const upsert = (i: number) => ({
			resource: 'contact',
			operation: 'upsert',
			...(i === 0 ? { email: 'known@example.com' } : {}),
			additionalFields: { firstName: `N${i}` },
			simplify: true,
		});
		const { output, requests } = await env.run(upsert, { items: 2, continueOnFail: true });
		expect(output[0].json).toMatchObject({ email: 'known@example.com', upsert: { action: 'created' } });
		expect(output[1].json.error).toMatch(/^"Email" or "Phone" is required: Create or Update finds the contact by email or phone.* \[item 1\]$/);
		expect(requests.filter((r) => r.url.endsWith('/contacts/upsert'))).toHaveLength(1);
		await expect(env.run(upsert(1))).rejects.toThrow(/"Email" or "Phone" is required/);
	});
});
