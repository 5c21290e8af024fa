/** Small geometry helpers: great-circle distance and point-in-polygon (for regions). */
import type { Point } from './types';

const EARTH_RADIUS_M = 6_371_000;
const rad = (deg: number): number => (deg * Math.PI) / 180;

export function distanceMetres(a: Point, b: Point): number {
	const dLat = rad(b.latitude - a.latitude);
	const dLng = rad(b.longitude - a.longitude);
	const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLng / 2) ** 2;
	return 2 * EARTH_RADIUS_M * Math.asin(Math.sqrt(h));
}

/** A point from string or number coordinates, or null when either is missing or not a number. */
export function pointOf(latitude: unknown, longitude: unknown): Point | null {
	const lat = Number(latitude);
	const lng = Number(longitude);
	if (latitude === '' || longitude === '' || !Number.isFinite(lat) || !Number.isFinite(lng)) return null;
	return { latitude: lat, longitude: lng };
}

/** Ray casting; the polygon is closed implicitly. */
export function insidePolygon(p: Point, polygon: Point[]): boolean {
	let inside = false;
	for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
		const a = polygon[i];
		const b = polygon[j];
		const crosses =
			a.latitude > p.latitude !== b.latitude > p.latitude &&
			p.longitude < ((b.longitude - a.longitude) * (p.latitude - a.latitude)) / (b.latitude - a.latitude) + a.longitude;
		if (crosses) inside = !inside;
	}
	return inside;
}
