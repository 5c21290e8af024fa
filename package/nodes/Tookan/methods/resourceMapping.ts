/** The resource mapper's columns: the fields of the chosen template, as the most recent task using it shows them. */
import type { ILoadOptionsFunctions, ResourceMapperFields } from 'n8n-workflow';

import { CUSTOMER_SIDE, PICKUP_SIDE, templateName, type Side } from '../resources/task/customFields';
import { columnOf, learnTemplates, LEARN_SCOPE } from '../resources/task/templates';

async function columns(fn: ILoadOptionsFunctions, side: Side): Promise<ResourceMapperFields> {
	const template = templateName(fn.getCurrentNodeParameter(side.template));
	const byLabel = `${side.word}Custom Fields by Label (under ${side.word ? 'Pickup' : 'Customer'} Details, or Update Fields)`;
	if (!template) {
		return { fields: [], emptyFieldsNotice: `Choose a ${side.word}Custom Field Template above to see its fields here.` };
	}
	if (template.startsWith('=')) {
		return {
			fields: [],
			emptyFieldsNotice: `The template is an expression, so its fields are only known when the node runs: choose Map Automatically (each item's keys are matched to the fields of its template by label or name) or give the values under ${byLabel}.`,
		};
	}
	const learnt = (await learnTemplates(fn)).get(template);
	if (!learnt) {
		return {
			fields: [],
			emptyFieldsNotice: `No ${LEARN_SCOPE.replace(/^tasks/, 'task')} uses the template "${template}", and Tookan has no API that lists a template's fields, so the node cannot show them. Give the values under ${byLabel}, or create one task with this template in Tookan and refresh this list.`,
		};
	}
	return { fields: learnt.fields.map(columnOf) };
}

export async function getTemplateColumns(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	return await columns(this, CUSTOMER_SIDE);
}

export async function getPickupTemplateColumns(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	return await columns(this, PICKUP_SIDE);
}
