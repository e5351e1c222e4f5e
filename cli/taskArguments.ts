import { resolveSubset } from '../subsets/index.js';

/**
 * Task arguments as users write them: ids, globs (comma-separated or repeated), and
 * `subset:TYPE/SET` references (or `subset:` plus a subset file path) that expand to the
 * task ids of a subset file.
 */
export function expandTaskArguments(patterns: readonly string[]): string[] {
  return patterns
    .flatMap((p) => p.split(','))
    .map((p) => p.trim())
    .filter(Boolean)
    .flatMap((p) => (p.startsWith('subset:') ? resolveSubset(p) : [p]));
}
