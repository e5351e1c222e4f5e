import { DataMissingError } from '../core/index.js';
import { CARPS_COLLECTIONS, type TaskDescriptor } from '../benchmarks/index.js';

export interface UnavailableTask {
  readonly id: string;
  readonly reason: string;
}

/** Id prefixes of CARP-S collections hpoarena does not run, to say why such an id is missing. */
const UNSUPPORTED_PREFIXES: Readonly<Record<string, string>> = { 'hpobench/': 'HPOBench', 'hpob/': 'HPO-B', 'mfpbench/SO/pd1/': 'MFPBench PD1' };

/** The tasks of a set that can run here, and the others with the reason each cannot. */
export function splitRunnable(ids: readonly string[], listed: readonly TaskDescriptor[]): { runnable: string[]; unavailable: UnavailableTask[] } {
  const byId = new Map(listed.map((t) => [t.id, t]));
  const runnable: string[] = [];
  const unavailable: UnavailableTask[] = [];
  for (const id of ids) {
    const task = byId.get(id);
    if (task?.available) runnable.push(id);
    else unavailable.push({ id, reason: task ? (task.unavailableReason ?? 'its data is missing') : unlistedReason(id) });
  }
  return { runnable, unavailable };
}

function unlistedReason(id: string): string {
  const prefix = Object.keys(UNSUPPORTED_PREFIXES).find((p) => id.startsWith(p));
  const carps = prefix === undefined ? undefined : CARPS_COLLECTIONS.find((c) => c.carps === UNSUPPORTED_PREFIXES[prefix]);
  return carps?.unsupported ? `${carps.carps} is not supported: ${carps.unsupported}` : 'no hpoarena task collection has this id';
}

/**
 * The runnable tasks of a named set; unavailable ones are an error naming every one (grouped
 * by reason), or with `skip` are reported through `onSkip` and left out.
 */
export function requireRunnable(
  name: string, ids: readonly string[], listed: readonly TaskDescriptor[],
  options: { readonly skip?: boolean; readonly onSkip?: (message: string) => void } = {},
): string[] {
  const { runnable, unavailable } = splitRunnable(ids, listed);
  if (unavailable.length === 0) return runnable;
  const described = describeUnavailable(unavailable);
  if (!options.skip || runnable.length === 0) {
    const none = runnable.length === 0 ? ' None of its tasks can run here.' : ' Run the others with --skip-unavailable.';
    throw new DataMissingError(`${unavailable.length} of the ${ids.length} tasks of '${name}' cannot run here:${described}.${none}`);
  }
  options.onSkip?.(`skipped ${unavailable.length} of the ${ids.length} tasks of '${name}':${described}`);
  return runnable;
}

function describeUnavailable(unavailable: readonly UnavailableTask[]): string {
  const byReason = new Map<string, string[]>();
  for (const { id, reason } of unavailable) byReason.set(reason, [...(byReason.get(reason) ?? []), id]);
  return [...byReason].map(([reason, ids]) => `\n  ${ids.join(', ')}: ${reason.replace(/\.$/, '')}`).join('');
}
