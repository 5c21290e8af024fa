import type { SandboxContext } from '../../core/context';
import { uuid } from '../../core/ids';
import { GHL_DEFAULTS } from '../defaults';

/**
 * Sends GHL webhook events through the core sender. Every delivery gets the envelope GHL documents
 * (`webhookId`, `timestamp`) plus the `appId` the official SDK's middleware matches against the client id.
 */
export class GhlEvents {
	constructor(private readonly ctx: SandboxContext) {}

	emit(type: string, locationId: string | undefined, payload: Record<string, unknown>): Record<string, unknown> {
		const body: Record<string, unknown> = {
			type,
			...(locationId ? { locationId } : {}),
			...payload,
			appId: GHL_DEFAULTS.appId,
			webhookId: uuid(),
			timestamp: new Date(this.ctx.now()).toISOString(),
		};
		this.ctx.webhooks.send('ghl', type, body, { locationId });
		return body;
	}
}
