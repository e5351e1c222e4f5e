import { StoreError } from '../../core/index.js';

const sleeper = new Int32Array(new SharedArrayBuffer(4));

/**
 * Runs a store operation, retrying while another connection holds the write lock.
 * Why not SQLite's busy_timeout: its handler sleeps 1, 2, 5, 10 ms ... per retry, while our
 * transactions hold the lock for tens of microseconds; with several workers writing, those
 * sleeps cost more than the work. Here retries start at 20 us and double up to 250 us: a
 * longer sleep mostly overshoots a lock held for a few hundred microseconds at most.
 */
export function retryBusy<T>(what: string, operation: () => T, deadlineMs = 60_000): T {
  const start = Date.now();
  let delayUs = 20;
  for (;;) {
    try {
      return operation();
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (typeof code !== 'string' || !(code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))) throw error;
      if (Date.now() - start > deadlineMs) {
        throw new StoreError(`The store stayed locked by another process for ${deadlineMs / 1000} s while ${what}; nothing was lost. Try again.`);
      }
      Atomics.wait(sleeper, 0, 0, delayUs / 1000);
      delayUs = Math.min(delayUs * 2, 250);
    }
  }
}
