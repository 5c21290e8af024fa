/** "From List" searches for the resource locators: customers (paged), agents and teams. */
import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { callTookan, records } from '../../shared/tookan';
import { learnTemplates } from '../resources/task/templates';
import { agentName } from './loadOptions';

function matches(filter: string | undefined, ...values: unknown[]): boolean {
	if (!filter) return true;
	const wanted = filter.toLowerCase();
	return values.some((value) => String(value ?? '').toLowerCase().includes(wanted));
}

export async function searchTeams(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const teams = records(await callTookan(this, 'view_all_team_only'));
	return {
		results: teams
			.filter((team) => matches(filter, team.team_name, team.team_id))
			.map((team) => ({ name: String(team.team_name ?? team.team_id), value: String(team.team_id) })),
	};
}

export async function searchAgents(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const agents = records(await callTookan(this, 'get_all_fleets'));
	return {
		results: agents
			.filter((agent) => matches(filter, agentName(agent), agent.username, agent.phone, agent.fleet_id))
			.map((agent) => ({ name: agentName(agent), value: String(agent.fleet_id) })),
	};
}

function customerResult(customer: IDataObject) {
	const name = customer.customer_username ?? customer.name ?? customer.customer_id;
	const phone = customer.customer_phone ?? customer.phone;
	return { name: phone ? `${String(name)} (${String(phone)})` : String(name), value: String(customer.customer_id) };
}

/**
 * Without a filter: `get_all_customers` page by page (the token is the next page). With digits: find by
 * phone; otherwise: find by name.
 */
export async function searchCustomers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const text = filter?.trim() ?? '';
	if (text) {
		const byPhone = /^\+?[\d\s()-]{6,}$/.test(text);
		const found = byPhone
			? await callTookan(this, 'find_customer_with_phone', { customer_phone: text.replace(/[\s()-]/g, '') })
			: await callTookan(this, 'find_customer_with_name', { customer_name: text });
		return { results: records(found).map(customerResult) };
	}
	const page = Number(paginationToken ?? 1);
	const answer = await callTookan(this, 'get_all_customers', { is_pagination: 1, requested_page: page });
	const total = Number(answer.total_page_count);
	return {
		results: records(answer).map(customerResult),
		...(Number.isFinite(total) && page < total ? { paginationToken: String(page + 1) } : {}),
	};
}

/** The custom field templates recent tasks use (Tookan cannot list them otherwise), newest use first. */
export async function searchTemplates(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const templates = [...(await learnTemplates(this)).values()].sort((a, b) => b.jobId - a.jobId);
	return {
		results: templates
			.filter((template) => matches(filter, template.name))
			.map((template) => ({
				name: `${template.name} (${template.fields.length} field${template.fields.length === 1 ? '' : 's'})`,
				value: template.name,
			})),
	};
}
