/**
 * Geofence ("region") endpoints. The geometry format is UNCONFIRMED: `region_data` is accepted as an array
 * (or JSON text) of `{latitude, longitude}`, `{lat, lng}` or `[lat, lng]`, at least three points.
 */
import { findAgent } from '../agents';
import { ok, type Env, type Handlers } from '../env';
import { invalid, notFound } from '../errors';
import { insidePolygon, pointOf } from '../geo';
import type { Params } from '../params';
import { nextId } from '../store';
import type { Point, Region } from '../types';

function parsePoint(v: unknown): Point | null {
	if (Array.isArray(v)) return pointOf(v[0], v[1]);
	if (v && typeof v === 'object') {
		const o = v as Record<string, unknown>;
		return pointOf(o.latitude ?? o.lat, o.longitude ?? o.lng);
	}
	return null;
}

function polygonOf(p: Params): Point[] {
	let raw = p.need('region_data');
	if (typeof raw === 'string') {
		try {
			raw = JSON.parse(raw);
		} catch {
			throw invalid('Invalid region_data');
		}
	}
	const points = Array.isArray(raw) ? raw.map(parsePoint) : [];
	if (points.length < 3 || points.some((pt) => pt === null)) throw invalid('Invalid region_data: at least three points expected');
	return points as Point[];
}

function findRegion(env: Env, regionId: number): Region {
	const r = env.state.regions.get(regionId);
	if (!r) throw notFound(`Region not found: ${regionId}`);
	return r;
}

function applyRegionFields(r: Region, p: Params, env: Env): void {
	const polygon = p.has('region_data') ? polygonOf(p) : r.region_data;
	const teams = p.ints('selected_team_id');
	const unknownTeam = teams.find((id) => !env.state.teams.has(id));
	if (unknownTeam !== undefined) throw invalid(`Invalid selected_team_id: ${unknownTeam}`);
	const fleets = p.ints('fleet_id').map((id) => findAgent(env.state, id).fleet_id);
	if (p.has('region_name')) r.region_name = p.str('region_name');
	if (p.has('region_description')) r.region_description = p.str('region_description');
	r.region_data = polygon;
	if (p.has('selected_team_id')) r.team_ids = teams;
	if (p.has('fleet_id')) r.fleet_ids = fleets;
}

const regionView = (r: Region) => ({
	region_id: r.region_id,
	region_name: r.region_name,
	region_description: r.region_description,
	region_data: r.region_data,
	selected_team_id: r.team_ids.join(','),
	fleet_ids: r.fleet_ids,
});

export const regionHandlers: Handlers = {
	add_region: (p, env) => {
		const r: Region = { region_id: 0, region_name: '', region_description: '', region_data: [], team_ids: [], fleet_ids: [] };
		applyRegionFields(r, p, env);
		r.region_id = nextId(env.state, 'region');
		env.state.regions.set(r.region_id, r);
		return ok({ region_id: r.region_id }, 'Region added successfully.');
	},

	edit_region: (p, env) => {
		const r = findRegion(env, p.int('region_id'));
		applyRegionFields(r, p, env);
		return ok(regionView(r), 'Region updated successfully.');
	},

	view_regions: (_p, env) => ok([...env.state.regions.values()].map(regionView)),

	view_regions_only: (p, env) => ok([regionView(findRegion(env, p.int('region_id')))]),

	remove_region_for_agent: (p, env) => {
		const r = findRegion(env, p.int('region_id'));
		const fleetId = p.int('fleet_id');
		if (!r.fleet_ids.includes(fleetId)) throw invalid('The agent is not in this region');
		r.fleet_ids = r.fleet_ids.filter((id) => id !== fleetId);
		return ok(regionView(r), 'Agent removed from the region.');
	},

	remove_region: (p, env) => {
		const r = findRegion(env, p.int('region_id'));
		env.state.regions.delete(r.region_id);
		return ok({ region_id: r.region_id }, 'Region removed successfully.');
	},

	find_region_from_points: (p, env) => {
		const at = pointOf(p.num('latitude'), p.num('longitude'))!;
		return ok([...env.state.regions.values()].filter((r) => insidePolygon(at, r.region_data)).map(regionView));
	},
};
