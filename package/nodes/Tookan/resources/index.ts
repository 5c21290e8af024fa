import type { Resource } from '../../shared/types';
import { account } from './account';
import { agentResource } from './agent';
import { customer } from './customer';
import { geofence } from './geofence';
import { manager } from './manager';
import { merchant } from './merchant';
import { mission } from './mission';
import { task } from './task';
import { team } from './team';

/** Every Tookan resource; Task first (the default). */
export const resources: Resource[] = [task, customer, agentResource, team, manager, merchant, geofence, mission, account];
