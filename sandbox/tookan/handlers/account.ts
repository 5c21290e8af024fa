/** Account endpoints: user details (the credential test), the webhook shared secret, and small profile calls. */
import { ok, type Env, type Handlers } from '../env';
import { invalid } from '../errors';
import { nextId } from '../store';

const MIN_PASSWORD = 6;

function emailTaken(env: Env, email: string): boolean {
	const { state } = env;
	const lower = email.toLowerCase();
	const all = [
		state.account.email,
		...[...state.managers.values()].map((m) => m.email),
		...[...state.agents.values()].map((a) => a.email),
		...[...state.merchants.values()].map((m) => m.email),
		...state.account.registered.map((u) => u.email),
	];
	return all.some((e) => e.toLowerCase() === lower);
}

export const accountHandlers: Handlers = {
	get_user_details: (_p, env) =>
		ok({
			user_id: env.config().userId,
			email: env.state.account.email,
			phone: env.state.account.phone,
			first_name: 'Sandbox',
			last_name: 'Owner',
			company_name: 'Tookan Sandbox',
			layout_type: 0,
			is_active: 1,
			teams: env.state.teams.size,
			fleets: env.state.agents.size,
		}),

	set_tookan_shared_secret_key: (p, env) => {
		env.config().sharedSecret = p.needStr('tookan_shared_secret');
		return ok({}, 'Shared secret updated successfully.');
	},

	edit_phone: (p, env) => {
		env.state.account.phone = p.needStr('phone');
		return ok({ phone: env.state.account.phone }, 'Phone updated successfully.');
	},

	users_change_password: (p, env) => {
		if (p.needStr('current_password') !== env.state.account.password) throw invalid('The current password is wrong');
		const next = p.needStr('new_password');
		if (next.length < MIN_PASSWORD) throw invalid(`The new password needs at least ${MIN_PASSWORD} characters`);
		env.state.account.password = next;
		return ok({}, 'Password changed successfully.');
	},

	check_email_exists: (p, env) => ok({ email: p.needStr('email'), exists: emailTaken(env, p.needStr('email')) ? 1 : 0 }),

	register_new_user: (p, env) => {
		const email = p.needStr('email');
		if (emailTaken(env, email)) throw invalid('Email already exists');
		if (p.needStr('password').length < MIN_PASSWORD) throw invalid(`The password needs at least ${MIN_PASSWORD} characters`);
		const user = { user_id: nextId(env.state, 'user'), email, first_name: p.str('first_name'), company_name: p.str('company_name') };
		env.state.account.registered.push(user);
		return ok({ user_id: user.user_id }, 'User registered successfully.');
	},
};
