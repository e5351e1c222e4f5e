import { DataMissingError, SpecError, closestName } from '../core/index.js';
import type { TaskDescriptor } from '../benchmarks/index.js';

/** Glob to RegExp: `*` (and `**`) match any run of characters, '/' included, so 'Pymoo/SO/*' selects every task under it; `?` matches one character. */
export function globToRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*' && pattern[i + 1] === '*') {
      source += '.*';
      i++;
    } else if (c === '*') source += '.*';
    else if (c === '?') source += '.';
    else source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/** Expands task ids and patterns against the registry; every pattern must match something available. */
export function selectTasks(patterns: readonly string[], tasks: readonly TaskDescriptor[]): TaskDescriptor[] {
  if (patterns.length === 0) throw new SpecError('No tasks given: use e.g. --tasks "Pymoo/SO/*" (see `hpoarena tasks`).');
  const selected = new Map<string, TaskDescriptor>();
  const ids = tasks.map((t) => t.id);
  for (const pattern of patterns) {
    const regex = globToRegExp(pattern);
    const matches = tasks.filter((t) => regex.test(t.id));
    if (matches.length === 0) {
      const suggestion = closestName(pattern, ids);
      throw new SpecError(`No task matches '${pattern}'.${suggestion ? ` Did you mean '${suggestion}'?` : ''} List tasks with \`hpoarena tasks\`.`);
    }
    for (const task of matches) {
      if (!task.available) {
        if (matches.length === 1) throw new DataMissingError(`Task '${task.id}' is unavailable: ${sentence(task.unavailableReason ?? 'its data is missing')}`);
        continue;
      }
      selected.set(task.id, task);
    }
  }
  if (selected.size === 0) {
    const reason = tasks.find((t) => patterns.some((p) => globToRegExp(p).test(t.id)))?.unavailableReason;
    throw new DataMissingError(`Every task matching ${patterns.join(', ')} is unavailable: ${sentence(reason ?? 'data missing')}`);
  }
  return [...selected.values()];
}

/** Ends a reason with exactly one period (collections' reasons may already end with one). */
function sentence(reason: string): string {
  return reason.endsWith('.') ? reason : `${reason}.`;
}
