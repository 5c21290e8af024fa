/** Deterministic randomness and the word lists the seed draws realistic names and places from. */
import { createRandom, pick, randomInt, type Random } from '../core/random';

/** Draws from the core's seeded PRNG: the same seed always gives the same data. */
export class Draw {
	readonly next: Random;

	constructor(seed: number) {
		this.next = createRandom(seed);
	}

	int(min: number, max: number): number {
		return randomInt(this.next, min, max);
	}

	pick<T>(list: readonly T[]): T {
		return pick(this.next, list);
	}

	chance(p: number): boolean {
		return this.next() < p;
	}

	/** Pick by weight: `{a: 3, b: 1}` gives `a` three times as often as `b`. */
	weighted<K extends string | number>(weights: Record<K, number>): K {
		const entries = Object.entries(weights) as [K, number][];
		let roll = this.next() * entries.reduce((sum, [, w]) => sum + w, 0);
		for (const [key, w] of entries) {
			roll -= w;
			if (roll < 0) return key;
		}
		return entries[entries.length - 1][0];
	}

	digits(n: number): string {
		let s = '';
		for (let i = 0; i < n; i++) s += String(this.int(0, 9));
		return s;
	}
}

export const FIRST_NAMES = [
	'Aarav', 'Maya', 'Liam', 'Sofia', 'Noah', 'Priya', 'Lucas', 'Emma', 'Omar', 'Chloe', 'Ravi', 'Isla',
	'Mateo', 'Ananya', 'Ethan', 'Zara', 'Kenji', 'Amara', 'Diego', 'Leah', 'Arjun', 'Nora', 'Felix', 'Hana',
];

export const LAST_NAMES = [
	'Sharma', 'Smith', 'Garcia', 'Khan', 'Nguyen', 'Patel', 'Brown', 'Silva', 'Mueller', 'Okafor', 'Rossi',
	'Tanaka', 'Cohen', 'Singh', 'Martin', 'Lopez', 'Kim', 'Haddad', 'Novak', 'Reyes',
];

export const STREETS = [
	'Market Street', 'Park Avenue', 'High Street', 'Lake Road', 'Hill View', 'Station Road', 'Mill Lane',
	'Church Street', 'Harbour Way', 'Garden Row', 'King Street', 'Elm Drive', 'Ring Road', 'Canal Walk',
];

export const TEAM_NAMES = ['North', 'South', 'East', 'West', 'Central', 'Airport', 'Harbour', 'Downtown', 'Uptown', 'Riverside'];

export const AGENT_TAGS = ['bike', 'car', 'van', 'fragile', 'cold-chain', 'express'];

export const JOB_DESCRIPTIONS = [
	'Deliver parcel', 'Collect documents', 'Grocery order', 'Install router', 'Pharmacy order',
	'Return pickup', 'Site inspection', 'Meal delivery', 'Furniture assembly', 'Meter reading',
];
