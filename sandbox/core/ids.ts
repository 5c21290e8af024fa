import { randomUUID } from 'node:crypto';
import type { Random } from './random';

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A 20-character alphanumeric id, the shape GHL uses for contacts, locations, tasks, notes, ... */
export function alphanumericId(random: Random, length = 20): string {
	let id = '';
	for (let i = 0; i < length; i++) id += ALPHANUMERIC[Math.floor(random() * ALPHANUMERIC.length)];
	return id;
}

/** A 24-character hex id (Mongo ObjectId shape), used by GHL for businesses and app ids. */
export function hexId(random: Random, length = 24): string {
	let id = '';
	for (let i = 0; i < length; i++) id += Math.floor(random() * 16).toString(16);
	return id;
}

export function uuid(): string {
	return randomUUID();
}
