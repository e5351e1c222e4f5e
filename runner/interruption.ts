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

/** `work`'s value, or RunInterrupted as soon as `signal` aborts. A value that is not a promise costs nothing extra. */
export async function unlessInterrupted<T>(work: T | PromiseLike<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal || !isPromiseLike(work)) return work;
  throwIfInterrupted(signal);
  let onAbort = () => {};
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(new RunInterrupted());
    signal.addEventListener('abort', onAbort, { once: true });
  });
  // The abandoned work may still reject (its program killed): that is expected, not unhandled.
  Promise.resolve(work).catch(() => {});
  try {
    return await Promise.race([work, aborted]);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

function isPromiseLike<T>(value: T | PromiseLike<T>): value is PromiseLike<T> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}
