import { UnknownNameError, type Task } from '../core/index.js';
import type { TaskCollection, TaskContext, TaskDescriptor } from './collection.js';
import { pymooCollection } from './pymoo/index.js';
import { mfhCollection } from './mfh/index.js';
import { bbobCollection, bbobVizierCollection } from './bbob/index.js';
import { yahpoCollection } from './yahpo/index.js';

/** Every shipped task collection, by name. Add a collection here and it is listed, planned and rebuilt in workers. */
export const taskCollections = {
  pymoo: pymooCollection,
  mfh: mfhCollection,
  bbob: bbobCollection,
  bbob_vizier: bbobVizierCollection,
  yahpo: yahpoCollection,
} satisfies Record<string, TaskCollection>;

const extraCollections = new Map<string, TaskCollection>();

/** Runtime registration (plugins, tests). Throws on a duplicate name. */
export function registerTaskCollection(collection: TaskCollection): void {
  if (collection.name in taskCollections || extraCollections.has(collection.name)) {
    throw new Error(`Task collection '${collection.name}' is already registered.`);
  }
  extraCollections.set(collection.name, collection);
}

export function allCollections(): TaskCollection[] {
  return [...Object.values(taskCollections), ...extraCollections.values()];
}

export function listTasks(context: TaskContext = {}): TaskDescriptor[] {
  return allCollections().flatMap((c) => c.list(context));
}

export async function createTask(id: string, context: TaskContext = {}): Promise<Task> {
  const owner = allCollections().find((c) => c.owns(id));
  if (!owner) throw new UnknownNameError('task', id, listTasks(context).map((t) => t.id));
  return owner.create(id, context);
}
