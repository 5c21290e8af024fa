// The GHL business named like the contact's company (case and spacing ignored); businessId '' when none.
// The Code node runs the body of this function; n8n provides $ and $input.
module.exports = function matchBusiness($, $input) {
	const contact = $('The contact and its company').first().json;
	const key = (value) => String(value ?? '').trim().replace(/\s+/g, ' ').toLowerCase();
	const wanted = key(contact.companyName);
	const match = $input.all().map((item) => item.json).find((business) => business.id && key(business.name) === wanted);
	return [{ json: { ...contact, businessId: match ? match.id : '' } }];
};
