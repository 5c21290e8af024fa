import type { Service } from '../context';
import { uuid } from '../ids';

/** A registered receiver of outgoing webhooks (what a Marketplace app's webhook URL / Tookan's dashboard URL is). */
export interface WebhookTarget {
	id: string;
	url: string;
	service: Service;
	/** Event names to deliver (GHL `type`, Tookan template key); absent or empty = all. */
	events?: string[];
	/** GHL only: deliver only events of this location. */
	locationId?: string;
	/** GHL only: also sign with the legacy RSA key in `x-wh-signature`. */
	legacyRsa?: boolean;
}

export type WebhookTargetInput = Omit<WebhookTarget, 'id'> & { id?: string };

export class WebhookTargets {
	private readonly targets = new Map<string, WebhookTarget>();

	add(input: WebhookTargetInput): WebhookTarget {
		const url = new URL(input.url);
		if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('webhook url must be http(s)');
		if (input.service !== 'ghl' && input.service !== 'tookan') throw new Error('service must be "ghl" or "tookan"');
		const target: WebhookTarget = {
			id: input.id ?? uuid(),
			url: url.toString(),
			service: input.service,
			...(input.events?.length ? { events: [...input.events] } : {}),
			...(input.locationId ? { locationId: input.locationId } : {}),
			...(input.legacyRsa ? { legacyRsa: true } : {}),
		};
		this.targets.set(target.id, target);
		return target;
	}

	remove(id: string): boolean {
		return this.targets.delete(id);
	}

	clear(): void {
		this.targets.clear();
	}

	list(): WebhookTarget[] {
		return [...this.targets.values()];
	}

	matching(service: Service, event: string, locationId?: string): WebhookTarget[] {
		return this.list().filter(
			(t) =>
				t.service === service &&
				(!t.events || t.events.includes(event) || t.events.includes('*')) &&
				(!t.locationId || t.locationId === locationId),
		);
	}
}
