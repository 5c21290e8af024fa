/**
 * GHL half of the fault storm: creates, upserts (new and existing contacts), updates and tag adds through
 * the GHL node. The location allows duplicate contacts, so a create sent twice would really
 * leave two records: only the node's lost-answer recovery keeps them single.
 */
import type { IDataObject } from 'n8n-workflow';

import { countBy, type Batch, type StormState } from './batch';

const rl = (value: string) => ({ __rl: true, mode: 'id', value });

/** Indexes of the state the checks need (built once per state). */
const views = new WeakMap<StormState, { byEmail: Map<string, number>; byId: Map<string, IDataObject>; emailOwner: Map<string, IDataObject> }>();

function view(state: StormState) {
	let v = views.get(state);
	if (!v) {
		v = {
			byEmail: countBy(state.ghlContacts, (c) => c.email),
			byId: new Map(state.ghlContacts.map((c) => [String(c.id), c])),
			emailOwner: new Map(state.ghlContacts.map((c) => [String(c.email ?? '').toLowerCase(), c])),
		};
		views.set(state, v);
	}
	return v;
}

const createEmail = (i: number) => `storm.create.${i}@example.com`;
const upsertEmail = (i: number) => `storm.upsert.${i}@example.com`;

export interface GhlTargets {
	/** Seeded contacts (id, email) the update, tag and upsert-existing batches work on. */
	contacts: Array<{ id: string; email: string }>;
}

/** 5,000 GHL operations: 1,500 creates, 1,500 upserts (500 of existing contacts), 1,000 updates, 1,000 tag adds. */
export function ghlBatches(targets: GhlTargets, requestOptions: IDataObject): Batch[] {
	const seeded = targets.contacts;
	const forUpdate = (i: number) => seeded[i];
	const forTags = (i: number) => seeded[1000 + i];
	const forUpsert = (i: number) => seeded[2000 + i];
	const copies = (email: (i: number) => string) => (state: StormState, i: number) => view(state).byEmail.get(email(i)) ?? 0;
	const upsertTarget = (i: number) => (i < 500 ? forUpsert(i).email : upsertEmail(i));
	return [
		{
			service: 'GHL',
			name: 'contact create',
			count: 1500,
			parameters: (i) => ({
				resource: 'contact',
				operation: 'create',
				email: createEmail(i),
				duplicateHandling: 'create',
				additionalFields: { firstName: `Storm${i}` },
				simplify: true,
				requestOptions,
			}),
			applied: (state, i) => view(state).emailOwner.get(createEmail(i))?.firstName === `Storm${i}`,
			copies: copies(createEmail),
		},
		{
			service: 'GHL',
			name: 'contact upsert',
			count: 1500,
			parameters: (i) => ({
				resource: 'contact',
				operation: 'upsert',
				email: upsertTarget(i),
				additionalFields: { lastName: `Upserted${i}` },
				simplify: true,
				requestOptions,
			}),
			applied: (state, i) => view(state).emailOwner.get(upsertTarget(i).toLowerCase())?.lastName === `Upserted${i}`,
			copies: (state, i) => view(state).byEmail.get(upsertTarget(i).toLowerCase()) ?? 0,
		},
		{
			service: 'GHL',
			name: 'contact update',
			count: 1000,
			parameters: (i) => ({
				resource: 'contact',
				operation: 'update',
				contactId: rl(forUpdate(i).id),
				updateFields: { city: `Storm City ${i}` },
				simplify: true,
				requestOptions,
			}),
			applied: (state, i) => view(state).byId.get(forUpdate(i).id)?.city === `Storm City ${i}`,
		},
		{
			service: 'GHL',
			name: 'tag add',
			count: 1000,
			parameters: (i) => ({
				resource: 'tag',
				operation: 'add',
				contactId: rl(forTags(i).id),
				tags: ['storm', `storm-${i % 7}`],
				requestOptions,
			}),
			applied: (state, i) => {
				const tags = (view(state).byId.get(forTags(i).id)?.tags ?? []) as string[];
				return tags.includes('storm') && tags.includes(`storm-${i % 7}`);
			},
		},
	];
}
