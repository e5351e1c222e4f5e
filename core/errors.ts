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

/**
 * The valid name the user most likely meant, or undefined when none is close: a name that
 * starts with (or is the start of) the value ('n_startup' -> 'n_startup_trials'), one that
 * contains it, else one within a few typos (about one edit per three characters). A far name
 * ('nosuchexp' -> 'mine') is no help, so none is suggested.
 */
export function closestName(value: string, valid: readonly string[]): string | undefined {
  const lower = value.toLowerCase();
  let best: { name: string; score: number } | undefined;
  for (const name of valid) {
    const candidate = name.toLowerCase();
    const score = closeness(lower, candidate);
    if (score !== undefined && (!best || score < best.score)) best = { name, score };
  }
  return best?.name;
}

/** Lower is closer; undefined: not close. Prefix beats substring beats typos; ties go to the shorter difference. */
function closeness(value: string, name: string): number | undefined {
  if (value === name) return 0;
  const gap = Math.abs(name.length - value.length);
  if (value.length >= 3 && (name.startsWith(value) || value.startsWith(name))) return 1 + gap / 1000;
  if (value.length >= 3 && (name.includes(value) || value.includes(name))) return 2 + gap / 1000;
  const distance = editDistance(value, name);
  const allowed = Math.max(1, Math.floor(Math.min(value.length, name.length) / 3));
  return distance <= allowed ? 3 + distance : undefined;
}

function unknownNameMessage(kind: string, value: string, valid: readonly string[]): string {
  const suggestion = closestName(value, valid);
  const listed = valid.length === 0 ? '(none)' : valid.length <= 30 ? valid.join(', ') : `${valid.slice(0, 30).join(', ')}, ... (${valid.length} in all)`;
  const hint = suggestion ? ` Did you mean '${suggestion}'?` : '';
  return `Unknown ${kind} '${value}'.${hint} Valid: ${listed}`;
}
