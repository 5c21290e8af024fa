import type { Resource } from '../../shared/types';
import { appointment } from './appointment';
import { business } from './business';
import { campaign } from './campaign';
import { contact } from './contact';
import { follower } from './follower';
import { note } from './note';
import { tag } from './tag';
import { task } from './task';
import { workflow } from './workflow';

/**
 * Every HighLevel Contacts API v2 operation (32) and Businesses operation (5), by resource, most used first as
 * the node panel and the Resource field list them (Contact, the first, is the default: never change it).
 */
export const resources: Resource[] = [contact, tag, note, task, business, workflow, campaign, follower, appointment];
