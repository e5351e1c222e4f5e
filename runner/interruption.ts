/**
 * Interrupting runs (Ctrl-C, SIGTERM): the experiment's AbortSignal reaches every run's loop,
 * which stops before the next ask, or abandons an ask or tell in flight (a hung optimizer
 * program is killed when the run closes its optimizer). The run keeps its trials and is
 * stored 'interrupted'; the next `run` resumes it.
 */
export class RunInterrupted extends Error {
  constructor() {
    super('The run was interrupted.');
    this.name = 'RunInterrupted';
  }
}

export function throwIfInterrupted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new RunInterrupted();
}

/** A wait that may not outlast the run's remaining time budget. */
export interface TimeLimit {
  readonly ms: number;
  readonly error: () => Error;
}

/**
 * `work`'s value; RunInterrupted as soon as `signal` aborts, and `limit.error()` if it takes
 * longer than `limit.ms`. A value that is not a promise costs nothing extra.
 */
export async function unlessInterrupted<T>(work: T | PromiseLike<T>, signal: AbortSignal | undefined, limit?: TimeLimit): Promise<T> {
  if ((!signal && !limit) || !isPromiseLike(work)) return work;
  throwIfInterrupted(signal);
  let onAbort = () => {};
  let timer: NodeJS.Timeout | undefined;
  const stopped = new Promise<never>((_, reject) => {
    onAbort = () => reject(new RunInterrupted());
    signal?.addEventListener('abort', onAbort, { once: true });
    if (limit) timer = setTimeout(() => reject(limit.error()), Math.max(0, limit.ms));
  });
  // The abandoned work may still reject (its program killed): that is expected, not unhandled.
  Promise.resolve(work).catch(() => {});
  try {
    return await Promise.race([work, stopped]);
  } finally {
    signal?.removeEventListener('abort', onAbort);
    clearTimeout(timer);
  }
}

export function isPromiseLike<T>(value: T | PromiseLike<T>): value is PromiseLike<T> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}
