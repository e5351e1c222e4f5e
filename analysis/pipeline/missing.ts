import * as aq from 'arquero';
import type { RunOutcome } from './curves.js';

/**
 * Missing data, explicit: per optimizer and task, how many runs exist and why those not
 * analysed were left out (failed, still running, pending, done without a successful trial).
 */
export function missingTable(outcomes: readonly RunOutcome[]): aq.ColumnTable {
  const runs = aq.table({
    optimizer: outcomes.map((o) => o.run.optimizer), task: outcomes.map((o) => o.run.task), inclusion: outcomes.map((o) => o.inclusion),
  });
  const op = aq.op;
  return runs.groupby('optimizer', 'task').rollup({
    runs: op.count(),
    included: (d: { inclusion: string }) => op.sum(d.inclusion === 'included' ? 1 : 0),
    failed: (d: { inclusion: string }) => op.sum(d.inclusion === 'failed' ? 1 : 0),
    running: (d: { inclusion: string }) => op.sum(d.inclusion === 'running' ? 1 : 0),
    pending: (d: { inclusion: string }) => op.sum(d.inclusion === 'pending' ? 1 : 0),
    no_success: (d: { inclusion: string }) => op.sum(d.inclusion === 'no successful trial' ? 1 : 0),
  }).orderby('task', 'optimizer');
}

export interface MissingSummary {
  readonly runs: number;
  readonly included: number;
  readonly failed: number;
  readonly running: number;
  readonly pending: number;
  readonly noSuccess: number;
}

export function missingSummary(outcomes: readonly RunOutcome[]): MissingSummary {
  const count = (inclusion: RunOutcome['inclusion']) => outcomes.filter((o) => o.inclusion === inclusion).length;
  return {
    runs: outcomes.length, included: count('included'), failed: count('failed'), running: count('running'),
    pending: count('pending'), noSuccess: count('no successful trial'),
  };
}
