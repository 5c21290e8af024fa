import type { Resource } from '../../../shared/types';
import { assignAgent, assignRelated, assignTask, reassignOpen, reAutoAssign } from './assign';
import { createManyTasks, createTask, createTaskForFormUser } from './create';
import {
	getDeletedTasks,
	getFareEstimate,
	getManyTasks,
	getRelatedTasks,
	getRoute,
	getTaskByOrderIdLegacy,
	getTaskLegacy,
	getTasks,
	getTasksAndAgents,
	getTasksByOrderId,
	getTaskStats,
} from './read';
import {
	cancelTask,
	changeTaskDate,
	deleteTask,
	importTasksCsv,
	startTask,
	updateManyTasks,
	updateTask,
	updateTaskStatus,
} from './update';

export const task: Resource = {
	value: 'task',
	name: 'Task',
	description: 'Pickups, deliveries, appointments and field work',
	// most used first (the first is the default: never change it)
	operations: [
		createTask,
		getTasks,
		getManyTasks,
		updateTask,
		updateTaskStatus,
		assignAgent,
		cancelTask,
		deleteTask,
		getTasksByOrderId,
		startTask,
		changeTaskDate,
		createManyTasks,
		updateManyTasks,
		assignTask,
		assignRelated,
		reAutoAssign,
		reassignOpen,
		getRelatedTasks,
		getTasksAndAgents,
		getTaskStats,
		getRoute,
		getFareEstimate,
		getDeletedTasks,
		importTasksCsv,
		createTaskForFormUser,
		getTaskLegacy,
		getTaskByOrderIdLegacy,
	],
};
