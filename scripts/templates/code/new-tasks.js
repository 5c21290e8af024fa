// The open GHL tasks whose id is not yet the Order ID of a Tookan task: a re-run creates nothing new.
// The Code node runs the body of this function; n8n provides $ and $input.
module.exports = function newTasks($, $input) {
	const inTookan = new Set($input.all().map((item) => String(item.json.order_id ?? '')).filter(Boolean));
	return $('Keep the open GHL tasks').all().filter((item) => !inTookan.has(String(item.json.id)));
};
