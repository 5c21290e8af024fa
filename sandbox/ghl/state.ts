import { alphanumericId, hexId } from '../core/ids';
import { createRandom, type Random } from '../core/random';
import { TokenStore } from './auth/tokens';
import { ContactChildren } from './children';
import { ContactStore } from './contacts/store';
import type {
	Appointment,
	Business,
	Campaign,
	Company,
	CustomFieldDefinition,
	Location,
	LocationTag,
	Note,
	OAuthClient,
	Task,
	User,
	Workflow,
} from './model';

/** Everything the GHL sandbox knows. `reset()` empties it; the tenant defaults are installed by the caller. */
export class GhlState {
	random: Random = createRandom(1);
	readonly companies = new Map<string, Company>();
	readonly locations = new Map<string, Location>();
	readonly users = new Map<string, User>();
	readonly customFields = new Map<string, CustomFieldDefinition>();
	readonly tags = new Map<string, LocationTag>();
	readonly campaigns = new Map<string, Campaign>();
	readonly workflows = new Map<string, Workflow>();
	readonly contacts = new ContactStore();
	readonly tasks = new ContactChildren<Task>();
	readonly notes = new ContactChildren<Note>();
	readonly appointments = new ContactChildren<Appointment>();
	readonly businesses = new Map<string, Business>();
	readonly clients = new Map<string, OAuthClient>();
	tokens = new TokenStore();

	constructor(readonly now: () => number) {}

	reset(): void {
		this.random = createRandom(1);
		for (const map of [this.companies, this.locations, this.users, this.customFields, this.tags, this.campaigns]) {
			map.clear();
		}
		for (const map of [this.workflows, this.businesses, this.clients]) map.clear();
		this.contacts.clear();
		this.tasks.clear();
		this.notes.clear();
		this.appointments.clear();
		this.tokens = new TokenStore();
	}

	newId(): string {
		return alphanumericId(this.random);
	}

	newHexId(): string {
		return hexId(this.random);
	}

	isoNow(): string {
		return new Date(this.now()).toISOString();
	}

	locationsOf(companyId: string): Location[] {
		return [...this.locations.values()].filter((l) => l.companyId === companyId);
	}

	customFieldsOf(locationId: string): CustomFieldDefinition[] {
		return [...this.customFields.values()].filter((f) => f.locationId === locationId);
	}

	/** Adds the location tag if the location does not know it yet (GHL creates tags on first use). */
	ensureTags(locationId: string, names: string[]): void {
		const known = new Set([...this.tags.values()].filter((t) => t.locationId === locationId).map((t) => t.name));
		for (const name of names) {
			if (known.has(name)) continue;
			const tag = { id: this.newId(), locationId, name };
			this.tags.set(tag.id, tag);
			known.add(name);
		}
	}
}
