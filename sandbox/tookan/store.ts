/** All state of the Tookan stand-in, with id counters that start at realistic magnitudes. */
import type {
	Account,
	Agent,
	Customer,
	DutyLog,
	Manager,
	Merchant,
	Mission,
	Notification,
	Region,
	Task,
	Team,
	WalletTransaction,
} from './types';

const FIRST_IDS = {
	job: 470_000_001,
	customer: 12_000_001,
	fleet: 2_001,
	team: 301,
	dispatcher: 5_001,
	merchant: 9_001,
	region: 701,
	mission: 801,
	history: 900_000_001,
	transaction: 60_001,
	user: 1_100_001,
};

export type IdKind = keyof typeof FIRST_IDS;

export interface State {
	tasks: Map<number, Task>;
	customers: Map<number, Customer>;
	agents: Map<number, Agent>;
	teams: Map<number, Team>;
	managers: Map<number, Manager>;
	merchants: Map<number, Merchant>;
	regions: Map<number, Region>;
	missions: Map<number, Mission>;
	wallet: WalletTransaction[];
	notifications: Notification[];
	dutyLogs: DutyLog[];
	account: Account;
	ids: Record<IdKind, number>;
}

export function emptyState(): State {
	return {
		tasks: new Map(),
		customers: new Map(),
		agents: new Map(),
		teams: new Map(),
		managers: new Map(),
		merchants: new Map(),
		regions: new Map(),
		missions: new Map(),
		wallet: [],
		notifications: [],
		dutyLogs: [],
		account: { phone: '+10000000000', email: 'owner@tookan.sandbox.test', password: 'sandbox', registered: [] },
		ids: { ...FIRST_IDS },
	};
}

export function nextId(state: State, kind: IdKind): number {
	return state.ids[kind]++;
}
