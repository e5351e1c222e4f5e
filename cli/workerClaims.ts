import type { RunLease } from '../runner/index.js';

/** Running runs grouped by the worker holding them, for `status` on a store shared between machines. */
export interface WorkerClaims {
  readonly worker: string;
  readonly runs: number;
  /** Seconds since the worker's latest heartbeat on any of its runs. */
  readonly lastHeartbeatS: number | null;
  /** Every lease of the worker ran out: it is most likely gone; its runs resume on the next `run` (or another worker). */
  readonly expired: boolean;
}

export function workerClaims(leases: readonly RunLease[], now = Date.now()): WorkerClaims[] {
  const byWorker = new Map<string, RunLease[]>();
  for (const lease of leases) {
    const worker = lease.worker ?? '(unknown)';
    byWorker.set(worker, [...(byWorker.get(worker) ?? []), lease]);
  }
  return [...byWorker].map(([worker, held]) => {
    const beats = held.map((l) => l.heartbeatAt?.getTime()).filter((t): t is number => t !== undefined);
    return { worker, runs: held.length, lastHeartbeatS: beats.length ? Math.max(0, (now - Math.max(...beats)) / 1000) : null, expired: held.every((l) => l.expired) };
  });
}
