import type { SimulatedTime, Task, TaskType } from '../core/index.js';

/** Where data-backed collections (surrogates) look for their files. */
export interface TaskContext {
  readonly dataDir?: string;
}

/** A cheap listing row: listing never builds the task. */
export interface TaskDescriptor {
  readonly id: string;
  readonly collection: string;
  readonly type: TaskType;
  readonly dimension: number;
  readonly nObjectives: number;
  readonly nTrials: number;
  /** The task's simulatedTime source, if it declares one (a time budget with parallel trials needs it). */
  readonly simulatedTime?: SimulatedTime['source'];
  /** False when the task's data is missing; `unavailableReason` then says how to get it. */
  readonly available: boolean;
  readonly unavailableReason?: string;
}

/**
 * A task collection: one folder under benchmarks/, exporting one of these.
 * `create` throws UnknownNameError / SpecError / DataMissingError for ids it cannot build.
 */
export interface TaskCollection {
  readonly name: string;
  readonly description: string;
  list(context: TaskContext): readonly TaskDescriptor[];
  /** True if this collection owns the id (so the registry can route `create`). */
  owns(id: string): boolean;
  create(id: string, context: TaskContext): Task | Promise<Task>;
}
