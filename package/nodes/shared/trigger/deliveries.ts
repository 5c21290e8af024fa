import { createHash } from 'crypto';
import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

/**
 * Which deliveries a trigger has accepted, kept where n8n lets a webhook see them again:
 *
 * - in this process (a Map per workflow and node): two copies arriving at the same moment cannot both pass,
 *   because the check and the claim happen in one synchronous step;
 * - in the node's workflow static data (`deliveries`): loaded from the database with every webhook request
 *   and saved by n8n just before it answers (see `accept` in respond.ts), so the record survives a restart
 *   and is seen by every process that receives webhooks for the workflow.
 *
 * A claim is pending until n8n has created the execution (`confirmDelivery`). When n8n answers the request
 * with an error instead (it could not create the execution, e.g. the database refused it), the claim is given
 * up at once (`releaseDelivery`); a pending claim older than PENDING_MS is given up too, so a later copy is
 * accepted instead of being dropped for a delivery that never ran.
 *
 * Retention: a key is kept for RETENTION_MS (2 hours; GHL re-sends a delivery it got a 429 for up to 6 times
 * about 10 minutes apart, about 70 minutes in all), at most MAX_KEYS per trigger (oldest forgotten first).
 * Keys are 16 characters of a SHA-256 (96 bits), grouped into 10-minute slots: `{ "<slot>": "k1k2k3…" }`.
 */
export const RETENTION_MS = 2 * 60 * 60_000;
export const MAX_KEYS = 10_000;
export const PENDING_MS = 2 * 60_000;
const SLOT_MS = 10 * 60_000;
const KEY_LENGTH = 16;
const RECORD = 'deliveries';
/** What an earlier version kept (it never reached the database in regular mode); removed on the next write. */
const LEGACY_RECORD = 'recentDeliveries';

type Slots = Record<string, string>;

interface Accepted {
	slot: number;
	at: number;
	/** n8n created the execution. */
	confirmed: boolean;
	/** When it was confirmed, in the order of this process's confirmations (see Written). */
	seq?: number;
}

/** Per trigger (`workflowId:nodeId`): the keys this process accepted, oldest first. */
const acceptedHere = new Map<string, Map<string, Accepted>>();

/**
 * A record this process wrote, and the confirmation it was written for: it holds every key this process had
 * confirmed up to `seq`. A request loads the record when it starts, so the one it finds is usually one of this
 * process's last few writes; then only the keys confirmed since are added (instead of merging every key again,
 * which cost about a millisecond per delivery with a few thousand keys).
 */
interface Written {
	seq: number;
	slots: Slots;
}
const RECENT_WRITES = 16;
const writtenHere = new Map<string, Written[]>();
let confirmations = 0;

export function hashKey(key: string): string {
	return createHash('sha256').update(key, 'utf8').digest('base64url').slice(0, KEY_LENGTH);
}

const slotOf = (time: number) => Math.floor(time / SLOT_MS);
const oldestSlot = (now: number) => slotOf(now - RETENTION_MS);

function holds(keys: string, key: string): boolean {
	for (let at = keys.indexOf(key); at !== -1; at = keys.indexOf(key, at + 1)) {
		if (at % KEY_LENGTH === 0) return true;
	}
	return false;
}

function storedSlots(staticData: IDataObject): Slots {
	const record = staticData[RECORD];
	if (!record || typeof record !== 'object' || Array.isArray(record)) return {};
	return Object.fromEntries(Object.entries(record).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/** The process's keys for one trigger, without those past the retention or the count limit. */
function memoryOf(scope: string, now: number): Map<string, Accepted> {
	let keys = acceptedHere.get(scope);
	if (!keys) {
		keys = new Map();
		acceptedHere.set(scope, keys);
	}
	const oldest = oldestSlot(now);
	for (const [key, accepted] of keys) {
		if (accepted.slot >= oldest && keys.size <= MAX_KEYS) break;
		keys.delete(key);
	}
	return keys;
}

/** The stored slots merged with `keys` (key → slot), within the retention, at most MAX_KEYS (newest kept). */
export function mergedSlots(stored: Slots, keys: Map<string, number>, now: number): Slots {
	const oldest = oldestSlot(now);
	const bySlot = new Map<number, Set<string>>();
	const add = (slot: number, key: string) => {
		if (slot < oldest) return;
		let set = bySlot.get(slot);
		if (!set) bySlot.set(slot, (set = new Set()));
		set.add(key);
	};
	for (const [slot, joined] of Object.entries(stored)) {
		for (let at = 0; at + KEY_LENGTH <= joined.length; at += KEY_LENGTH) add(Number(slot), joined.slice(at, at + KEY_LENGTH));
	}
	for (const [key, slot] of keys) add(slot, key);
	const result: Slots = {};
	let room = MAX_KEYS;
	for (const slot of [...bySlot.keys()].sort((a, b) => b - a)) {
		if (room <= 0) break;
		const newest = [...(bySlot.get(slot) as Set<string>)].slice(-room);
		result[String(slot)] = newest.join('');
		room -= newest.length;
	}
	return result;
}

export function triggerScope(fn: { getWorkflow(): { id?: string }; getNode(): { id: string } }): string {
	return `${fn.getWorkflow().id ?? ''}:${fn.getNode().id}`;
}

/** Whether this process accepted the delivery (its webhook phase ran here), i.e. the execution runs where it arrived. */
export function acceptedInThisProcess(scope: string, hashed: string): boolean {
	return acceptedHere.get(scope)?.has(hashed) === true;
}

export type Claim = { first: true; hashed: string } | { first: false };

/**
 * Claims a delivery key (e.g. GHL `webhookId`) and tells whether this is the first copy: false when this
 * process holds it (accepted, or being accepted) or the stored record has it, and the caller answers
 * "duplicate" without starting anything. Test deliveries (the editor's "Listen for test event") are never
 * claimed or dropped.
 */
export function claimDelivery(fn: IWebhookFunctions, key: string, now = Date.now()): Claim {
	const hashed = hashKey(key);
	if (fn.getMode() === 'manual') return { first: true, hashed };
	const memory = memoryOf(triggerScope(fn), now);
	const held = memory.get(hashed);
	if (held && (held.confirmed || now - held.at < PENDING_MS)) return { first: false };
	const oldest = oldestSlot(now);
	const stored = storedSlots(fn.getWorkflowStaticData('node'));
	if (Object.entries(stored).some(([slot, keys]) => Number(slot) >= oldest && holds(keys, hashed))) return { first: false };
	memory.delete(hashed);
	memory.set(hashed, { slot: slotOf(now), at: now, confirmed: false });
	return { first: true, hashed };
}

/**
 * Gives up a claim whose execution n8n could not create (it answered the request with an error), so that
 * the sender's next copy is taken at once instead of after PENDING_MS.
 */
export function releaseDelivery(fn: IWebhookFunctions, hashed: string, now = Date.now()): void {
	if (fn.getMode() === 'manual') return;
	const memory = memoryOf(triggerScope(fn), now);
	if (memory.get(hashed)?.confirmed === false) memory.delete(hashed);
}

/**
 * Called once n8n has created the execution of a claimed delivery: writes the record into the node's static
 * data, with every key this process accepted (so a record another request of this process saved meanwhile,
 * from an older copy, loses nothing of ours).
 */
export function confirmDelivery(fn: IWebhookFunctions, hashed: string, now = Date.now()): void {
	if (fn.getMode() === 'manual') return;
	const scope = triggerScope(fn);
	const memory = memoryOf(scope, now);
	const claim = memory.get(hashed);
	if (claim) Object.assign(claim, { confirmed: true, seq: ++confirmations });
	const staticData = fn.getWorkflowStaticData('node');
	const stored = storedSlots(staticData);
	const writes = writtenHere.get(scope) ?? [];
	const base = writes.find((written) => sameSlots(written.slots, stored));
	const since = (accepted: Accepted) => accepted.confirmed && (base === undefined || (accepted.seq ?? 0) > base.seq);
	const added = new Map([...memory].filter(([, accepted]) => since(accepted)).map(([key, accepted]) => [key, accepted.slot]));
	// a new object (not a change inside the old one), so n8n sees the change and saves it
	const record = base ? appendedSlots(stored, added, now) : mergedSlots(stored, added, now);
	staticData[RECORD] = record;
	delete staticData[LEGACY_RECORD];
	writtenHere.set(scope, [{ seq: confirmations, slots: record }, ...writes].slice(0, RECENT_WRITES));
}

function sameSlots(a: Slots, b: Slots): boolean {
	const slots = Object.keys(a);
	return slots.length === Object.keys(b).length && slots.every((slot) => a[slot] === b[slot]);
}

/**
 * `stored` (a record this process wrote, so its slots hold no key twice) with `keys` (none of them in it) added,
 * within the retention; past MAX_KEYS, trimmed as mergedSlots does.
 */
export function appendedSlots(stored: Slots, keys: Map<string, number>, now: number): Slots {
	const oldest = oldestSlot(now);
	const result: Slots = {};
	for (const [slot, joined] of Object.entries(stored)) if (Number(slot) >= oldest) result[slot] = joined;
	for (const [key, slot] of keys) if (slot >= oldest) result[String(slot)] = (result[String(slot)] ?? '') + key;
	const count = Object.values(result).reduce((sum, joined) => sum + joined.length / KEY_LENGTH, 0);
	return count > MAX_KEYS ? mergedSlots(result, new Map(), now) : result;
}
