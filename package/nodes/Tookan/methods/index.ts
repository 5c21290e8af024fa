export { getAgents, getTags, getTeams, getTimeZones } from './loadOptions';
export { searchAgents, searchCustomers, searchTeams } from './listSearch';
