// The Tookan customer this contact already is: the same phone first, else the same name and email.
// One output item: the contact with `customerId` (null when Tookan has no such customer yet).
// The Code node runs the body of this function; n8n provides $ and $input.
module.exports = function pickCustomer($, $input) {
	const person = $('Map the contact').first().json;
	const found = (node) => $(node).all().map((item) => item.json).filter((customer) => customer.customer_id);
	const email = person.email.toLowerCase();
	const match =
		found('Find the Tookan customer by phone')[0] ??
		found('Find Tookan customers by name').find((customer) => email && String(customer.customer_email ?? '').toLowerCase() === email);
	return [{ json: { ...person, customerId: match ? match.customer_id : null } }];
};
