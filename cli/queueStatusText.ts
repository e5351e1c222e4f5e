import { queueStatus, type QueueStatus } from '../runner/distributed/index.js';
import { isPostgresUrl } from '../runner/store/postgres/maskCredentials.js';
import { formatTable } from './output.js';

/** The queue side of `status`, when the experiment's runs go through a queue (PostgreSQL). */
export async function queueStatusOf(args: { store: string; queue?: string; experiment: string }): Promise<QueueStatus | undefined> {
  const location = args.queue ?? args.store;
  return isPostgresUrl(location) ? queueStatus(location, args.experiment) : undefined;
}

const STATES: Array<[string, string]> = [['created', 'waiting'], ['active', 'running'], ['retry', 'waiting to retry'], ['completed', 'finished'], ['failed', 'failed']];

export function queueText(status: QueueStatus): string {
  const jobs = STATES.map(([state, words]) => `${status.jobs[state] ?? 0} ${words}`).join(', ');
  const workers = status.workers.length === 0 ? 'no live workers'
    : formatTable(['worker host', 'pid', 'state', 'runs now', 'last heartbeat', 'runs done'], status.workers.map((w) => [w.host, w.pid, w.state, w.runs.length, `${w.silentFor.toFixed(1)} s ago`, w.runsDone]));
  return `queue: ${jobs}\n\n${workers}`;
}

export function queueJson(status: QueueStatus): object {
  return {
    queue: Object.fromEntries(STATES.map(([state]) => [state, status.jobs[state] ?? 0])),
    queueWorkers: status.workers.map((w) => ({ id: w.id, host: w.host, pid: w.pid, state: w.state, concurrency: w.concurrency, runs: w.runs, runsDone: w.runsDone, startedAt: w.startedAt, lastHeartbeat: w.heartbeatAt, secondsSinceHeartbeat: w.silentFor })),
  };
}
