/**
 * Errors a user can cause. The CLI prints `message` alone (no stack) and exits non-zero;
 * anything that is not a HpoArenaError is a bug and is shown with its stack.
 */
export class HpoArenaError extends Error {
  /** Process exit code the CLI uses for this error. */
  readonly exitCode: number = 2;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** An unknown task, optimizer, collection, option ... `valid` lists what exists. */
export class UnknownNameError extends HpoArenaError {
  constructor(kind: string, value: string, valid: readonly string[]) {
    super(unknownNameMessage(kind, value, valid));
  }
}

/** A configuration that does not belong to a search space. */
export class InvalidConfigError extends HpoArenaError {}

/** A malformed experiment spec, search space, CLI flag or input file. */
export class SpecError extends HpoArenaError {}

/** The store cannot be opened, written, or was written by a newer schema. */
export class StoreError extends HpoArenaError {}

/** Data a task needs (surrogate files, ...) is not on this machine. */
export class DataMissingError extends HpoArenaError {}

/** Levenshtein distance, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

export function closestName(value: string, valid: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const lower = value.toLowerCase();
  for (const name of valid) {
    const d = editDistance(lower, name.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = name;
    }
  }
  return best;
}

function unknownNameMessage(kind: string, value: string, valid: readonly string[]): string {
  const suggestion = closestName(value, valid);
  const listed = valid.length === 0 ? '(none)' : valid.length <= 30 ? valid.join(', ') : `${valid.slice(0, 30).join(', ')}, ... (${valid.length} in all)`;
  const hint = suggestion ? ` Did you mean '${suggestion}'?` : '';
  return `Unknown ${kind} '${value}'.${hint} Valid: ${listed}`;
}
