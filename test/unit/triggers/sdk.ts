/** HighLevel's official SDK verifier, used as the reference the trigger's checks must agree with. */
import { WebhookManager } from '@gohighlevel/api-client';

const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

export const sdk = new WebhookManager(quiet as never, {} as never, {} as never);
