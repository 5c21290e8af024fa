/**
 * A create whose request is still on its way when the node's own timeout gives up (a busy server or proxy
 * applies it later): the look for the record must wait long enough to see that late write, so the create
 * is not sent twice. Found by the fault storm on a loaded machine (an item's create landed 0.5 s after the
 * node had timed out, looked, found nothing and sent it again).
 */
import { Ghl } from '../../package/nodes/Ghl/Ghl.node';
import { pause } from '../../scripts/harness/pause';
import { runNode } from '../helpers/n8n-context';
import { startStubServer, type StubRequest, type StubServer } from '../helpers/stub-server';

const TIMEOUT_MS = 1000;
/** The server applies the create this long after it arrived: half a timeout after the node gave up. */
const LANDS_AFTER_MS = 1500;

let server: StubServer | undefined;
afterEach(async () => await server?.close());

it('waits for a timed-out create to land before looking for it, and does not create it twice', async () => {
	const contacts: Array<{ id: string; email: string; dateAdded: string }> = [];
	server = await startStubServer(async (r: StubRequest) => {
		if (r.method === 'POST' && r.path === '/contacts/') {
			await pause(LANDS_AFTER_MS);
			contacts.push({ id: `late${contacts.length + 1}`, email: (r.body as { email: string }).email, dateAdded: new Date().toISOString() });
			return { drop: true };
		}
		if (r.path === '/contacts/search/duplicate') return { body: { contact: contacts[0] ?? null } };
		return { status: 404, body: {} };
	});
	const { output } = await runNode(new Ghl(), {
		parameters: {
			authentication: 'privateIntegrationToken',
			resource: 'contact',
			operation: 'create',
			email: 'late@example.com',
			duplicateHandling: 'create',
			additionalFields: {},
			requestOptions: { timeoutMs: TIMEOUT_MS },
		},
		items: [{}],
		credentials: { ghlPrivateIntegrationApi: { accessToken: 'pit-example-token', locationId: 'loc1', baseUrl: server.url } },
	});
	expect(contacts.map((c) => c.id)).toEqual(['late1']);
	expect(server.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
	expect(output.map((item) => item.json.id)).toEqual(['late1']);
});
