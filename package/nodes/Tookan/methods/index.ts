export { getAgents, getTags, getTeams, getTimeZones } from './loadOptions';
export { searchAgents, searchCustomers, searchTeams, searchTemplates } from './listSearch';
export { getPickupTemplateColumns, getTemplateColumns } from './resourceMapping';
