import type { TrialHistory } from './trialHistory.js';

/** Parameters (indices with a domain) present in a complete trial. */
function presentParams(history: TrialHistory, trial: number, modelled: readonly number[]): number[] {
  return modelled.filter((j) => !Number.isNaN(history.value(trial, j)));
}

/** Optuna's IntersectionSearchSpace: the parameters every complete trial has. */
export function intersectionSpace(history: TrialHistory, modelled: readonly number[]): number[] {
  let current: number[] | undefined;
  for (let i = 0; i < history.size; i++) {
    if (!history.isComplete(i)) continue;
    const present = presentParams(history, i, modelled);
    current = current === undefined ? present : current.filter((j) => present.includes(j));
    if (current.length === 0) break;
  }
  return current ?? [];
}

/**
 * Optuna's _GroupDecomposedSearchSpace: the finest partition of the parameters seen in complete
 * trials such that every trial's parameter set is a union of parts. Each part is sampled jointly.
 */
export function groupDecomposedSpace(history: TrialHistory, modelled: readonly number[]): number[][] {
  let groups: number[][] = [];
  for (let i = 0; i < history.size; i++) {
    if (!history.isComplete(i)) continue;
    let rest = new Set(presentParams(history, i, modelled));
    const next: number[][] = [];
    for (const group of groups) {
      next.push(group.filter((j) => rest.has(j)));
      next.push(group.filter((j) => !rest.has(j)));
      for (const j of group) rest.delete(j);
    }
    next.push([...rest].sort((a, b) => a - b));
    groups = next.filter((g) => g.length > 0);
    rest = new Set();
  }
  return groups;
}
