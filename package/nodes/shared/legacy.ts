/**
 * What the "GHL" entry of n8n's node panel says. n8n's editor (2.x and 1.x, `generateMergedNodesAndActions`)
 * makes one entry of an action node and every trigger whose type name, with its first "Trigger" removed,
 * equals the action's type name (`ghlTrigger` → `ghl`, `gTriggerhl` → `ghl`); the entry shows the action
 * node's name and icon and the description of the last trigger merged into it. So the GHL node and both GHL
 * triggers carry the same description.
 */
export const GHL_DESCRIPTION =
	'Contacts, tasks, notes, tags and businesses in HighLevel (GoHighLevel, LeadConnector)';

/**
 * The description of a node type kept under its old name after a rename. Such a type is the same node with
 * `hidden: true`: n8n's node panel lists only node types without `hidden`, and workflows saved with the old
 * type keep loading and running.
 */
export const formerTypeOf = (now: string) => `The former type of ${now}: workflows saved with it keep working unchanged`;
