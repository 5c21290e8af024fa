/**
 * Editor behaviour that follows from the GHL node description: tag lists accept names the location
 * does not have yet (GHL creates them), so n8n's editor must not flag them as "not supported".
 */
import { Ghl } from '../../../nodes/Ghl/Ghl.node';

const { properties } = new Ghl().description;

it.each(['add', 'remove', 'addToMany', 'removeFromMany'])('tag › %s: Tags allow values the location does not list yet', (operation) => {
	const tags = properties.filter((p) => p.name === 'tags' && (p.displayOptions?.show?.resource as string[] | undefined)?.includes('tag'));
	const field = tags.find((p) => (p.displayOptions?.show?.operation as string[] | undefined)?.includes(operation));
	expect(field?.type).toBe('multiOptions');
	expect(field?.allowArbitraryValues).toBe(true);
});
