import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

/** Alive and not a zombie (a zombie has exited; only its parent has not collected it yet). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.replace(/^.*\) /s, '')[0] !== 'Z';
  } catch {
    return true; // no /proc: trust kill(pid, 0)
  }
}

/** Polls until `pid` is gone; false if it is still alive after `ms`. */
export async function goneWithin(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return !isAlive(pid);
}

/** Live (non-zombie) child processes of this process, other than `ps` itself. */
export function liveChildren(): number[] {
  let out = '';
  try {
    out = execFileSync('ps', ['-o', 'pid=,stat=,comm=', '--ppid', String(process.pid)], { encoding: 'utf8' });
  } catch {
    return []; // ps exits 1 when nothing matches
  }
  return out
    .trim()
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => l.trim().split(/\s+/))
    .filter(([, stat, comm]) => !stat.startsWith('Z') && comm !== 'ps')
    .map(([pid]) => Number(pid));
}
