import { rankAndCrowdingSelect } from '../multiObjective/nonDominatedSort.js';
import type { RungEntry } from './bracket.js';

/**
 * The `k` entries Successive Halving promotes, best first. One objective: lowest cost, ties by
 * tell order. Several (SMAC3's multi-objective Successive Halving): non-domination rank, the last
 * front cut by crowding distance. Crashed entries come last, in tell order.
 */
export function bestEntries(entries: readonly RungEntry[], k: number): RungEntry[] {
  const ok = entries.filter((e) => e.cost !== undefined);
  const crashed = entries.filter((e) => e.cost === undefined).sort((a, b) => a.order - b.order);
  let ranked: RungEntry[];
  if (ok.length > 0 && ok[0].cost!.length > 1) {
    ranked = rankAndCrowdingSelect(ok.map((e) => e.cost!), Math.min(k, ok.length)).map((i) => ok[i]);
  } else {
    ranked = [...ok].sort((a, b) => a.cost![0] - b.cost![0] || a.order - b.order).slice(0, k);
  }
  return [...ranked, ...crashed].slice(0, k);
}
