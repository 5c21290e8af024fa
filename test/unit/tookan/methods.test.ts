/** Dropdowns and resource-locator searches read the account through the same transport. */
import { getAgents, getTags, getTeams, getTimeZones, searchAgents, searchCustomers, searchTeams } from '../../../package/nodes/Tookan/methods';
import { startTestbed, type Testbed } from './testbed';

let t: Testbed;

beforeAll(async () => {
	t = await startTestbed({ pageSize: 2 });
	const riders = (await t.call('create_team', { team_name: 'Riders', tags: 'bike' })).data as { team_id: number };
	await t.call('create_team', { team_name: 'Anchors', tags: 'van, cold' });
	const agent = (await t.call('add_agent', {
		username: 'ada',
		phone: '+15550001',
		first_name: 'Ada',
		last_name: 'Lovelace',
		team_id: riders.team_id,
		timezone: -330,
	})) as { data: { fleet_id: number } };
	await t.call('update_fleet_tags', { fleet_id: agent.data.fleet_id, tags: 'bike,night' });
	for (const [name, phone] of [
		['Cara', '+919800000001'],
		['Dev', '+919800000002'],
		['Cyrus', '+919800000003'],
	]) {
		await t.call('customer/add', { user_type: 0, name, phone });
	}
}, 30_000);

afterAll(async () => await t.close());

const fn = () => t.context().fn;

it('lists teams and agents by name, with their ids as values', async () => {
	const teams = await getTeams.call(fn());
	expect(teams.map((o) => o.name)).toEqual(['Anchors', 'Riders']);
	expect(teams.every((o) => typeof o.value === 'number')).toBe(true);
	const agents = await getAgents.call(fn());
	expect(agents.map((o) => o.name)).toEqual(['Ada Lovelace']);
});

it('lists every agent and team tag once', async () => {
	expect((await getTags.call(fn())).map((o) => o.value)).toEqual(['bike', 'cold', 'night', 'van']);
});

it("offers the workflow's time zone (the field's empty default) first, then the IANA time zones", async () => {
	const zones = (await getTimeZones.call(fn())).map((o) => o.value);
	expect(zones[0]).toBe('');
	expect(zones.filter((z) => z === '')).toHaveLength(1);
	expect(zones).toEqual(expect.arrayContaining(['Asia/Kolkata', 'America/New_York', 'Europe/Berlin']));
});

it('pages through customers when nothing is typed', async () => {
	const first = await searchCustomers.call(fn());
	expect(first.results.map((r) => r.name)).toEqual(['Cara (+919800000001)', 'Dev (+919800000002)']);
	expect(first.paginationToken).toBe('2');
	const second = await searchCustomers.call(fn(), undefined, first.paginationToken as string);
	expect(second.results.map((r) => r.name)).toEqual(['Cyrus (+919800000003)']);
	expect(second.paginationToken).toBeUndefined();
});

it('searches customers by phone or by name', async () => {
	expect((await searchCustomers.call(fn(), '+91 98000 00002')).results.map((r) => r.name)).toEqual(['Dev (+919800000002)']);
	expect((await searchCustomers.call(fn(), 'cy')).results.map((r) => r.name)).toEqual(['Cyrus (+919800000003)']);
});

it('filters agents and teams by what is typed', async () => {
	expect((await searchAgents.call(fn(), 'love')).results.map((r) => r.name)).toEqual(['Ada Lovelace']);
	expect((await searchAgents.call(fn(), 'zed')).results).toEqual([]);
	expect((await searchTeams.call(fn(), 'rid')).results.map((r) => r.name)).toEqual(['Riders']);
});
