import type { TaskDescriptor } from '../benchmarks/index.js';
import { requireRunnable, resolveCarpsSubset, resolveSubset } from '../subsets/index.js';

export interface TaskArgumentOptions {
  /** When given, the tasks of every named set must be runnable here (see `requireRunnable`). */
  readonly listed?: readonly TaskDescriptor[];
  /** Leave out a set's unavailable tasks (named through onSkip) instead of refusing the set. */
  readonly skipUnavailable?: boolean;
  readonly onSkip?: (message: string) => void;
}

/**
 * Task arguments as users write them: ids, globs (comma-separated or repeated),
 * `subset:TYPE/SET` references (or `subset:` plus a subset file path) that expand to the
 * task ids of a subset file, and `carps:TYPE/SET`, CARP-S's own published subsets.
 */
export function expandTaskArguments(patterns: readonly string[], options: TaskArgumentOptions = {}): string[] {
  return patterns
    .flatMap((p) => p.split(','))
    .map((p) => p.trim())
    .filter(Boolean)
    .flatMap((p) => {
      const ids = p.startsWith('subset:') ? resolveSubset(p) : p.startsWith('carps:') ? resolveCarpsSubset(p) : undefined;
      if (!ids) return [p];
      return options.listed ? requireRunnable(p, ids, options.listed, { skip: options.skipUnavailable, onSkip: options.onSkip }) : ids;
    });
}
