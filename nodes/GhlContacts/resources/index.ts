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

/** Every HighLevel Contacts API v2 operation (32) and Businesses operation (5), grouped the way the palette shows them. */
export const resources: Resource[] = [contact, task, note, tag, campaign, workflow, follower, appointment, business];
