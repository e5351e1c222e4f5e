/**
 * Task arguments as users write them: ids, globs, and `subset:TYPE/SET` references that
 * expand to the task ids of a subset file.
 */
export function expandTaskArguments(patterns: readonly string[]): string[] {
  return patterns.flatMap((p) => p.split(',')).map((p) => p.trim()).filter(Boolean);
}
