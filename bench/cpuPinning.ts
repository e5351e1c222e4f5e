import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * CPU placement for figures that time a round trip between two processes. On a small machine
 * the scheduler alone decides whether a child runs on its parent's CPU (a wake-up is a context
 * switch) or on another (a wake-up crosses CPUs): measured here, that moves one JSON-line
 * round trip between 45 and 140 us, for a bare echo and for the protocol alike, from one run
 * to the next. A ratio of two such round trips is only fair when both run under the same
 * placement, so the figures pin it (Linux `taskset`, util-linux).
 */

/** The CPUs this process may run on (Linux), in order; undefined where that cannot be read. */
export function allowedCpus(): number[] | undefined {
  let text: string;
  try {
    text = readFileSync('/proc/self/status', 'utf8');
  } catch {
    return undefined;
  }
  const list = /^Cpus_allowed_list:\s*(.+)$/m.exec(text)?.[1].trim();
  if (!list) return undefined;
  const cpus: number[] = [];
  for (const part of list.split(',')) {
    const [lo, hi] = part.split('-').map(Number);
    for (let cpu = lo; cpu <= (hi ?? lo); cpu++) cpus.push(cpu);
  }
  return cpus;
}

let tasksetFound: boolean | undefined;

/** Whether `taskset` can be run here. */
export function hasTaskset(): boolean {
  if (tasksetFound === undefined) {
    try {
      execFileSync('taskset', ['-V'], { stdio: 'ignore' });
      tasksetFound = true;
    } catch {
      tasksetFound = false;
    }
  }
  return tasksetFound;
}

/** Pins every thread of this process to `cpus` (children started later inherit it). */
function pinSelf(cpus: readonly number[]): void {
  execFileSync('taskset', ['-a', '-p', '-c', cpus.join(','), String(process.pid)], { stdio: 'ignore' });
}

/** Runs `body` with this process pinned to `cpu`, then gives it back every CPU it had. */
export async function whilePinned<T>(cpu: number, body: () => Promise<T>): Promise<T> {
  const before = allowedCpus();
  if (!before || !hasTaskset()) throw new Error('CPU pinning needs Linux and taskset (util-linux)');
  pinSelf([cpu]);
  try {
    return await body();
  } finally {
    pinSelf(before);
  }
}

/** A command line that runs `command args` pinned to `cpu`. */
export function pinnedCommand(cpu: number, command: string, args: readonly string[]): { command: string; args: string[] } {
  return { command: 'taskset', args: ['-c', String(cpu), command, ...args] };
}
