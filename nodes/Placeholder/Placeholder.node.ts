import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

/**
 * Temporary node that proves the package builds, lints, packs and loads in real n8n.
 * Remove it (and its package.json entry and icons) once the real nodes land.
 */
export class Placeholder implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'GHL Tookan Placeholder',
		name: 'placeholder',
		icon: { light: 'file:../../icons/placeholder.svg', dark: 'file:../../icons/placeholder.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["label"]}}',
		description: 'Stamps each item with a label (temporary node for package checks)',
		defaults: {
			name: 'GHL Tookan Placeholder',
		},
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		usableAsTool: true,
		properties: [
			{
				displayName: 'Label',
				name: 'label',
				type: 'string',
				default: 'placeholder',
				placeholder: 'e.g. checked',
				description: 'Text written to the placeholderLabel field of every item',
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const output = items.map((item, itemIndex) => ({
			json: { ...item.json, placeholderLabel: this.getNodeParameter('label', itemIndex) as string },
			pairedItem: { item: itemIndex },
		}));
		return [output];
	}
}
