import type { Config, TrialInfo, Value } from '../../core/index.js';
import type { TrialRecord } from '../store/types.js';

/**
 * The trials an interrupted attempt of a run stored, for replay: the re-seeded optimizer asks
 * again, and an ask that proposes what the record holds is answered from it (no evaluation).
 * One trial at a time, the k-th ask is the k-th record. With parallel trials the record is in
 * tell order, so an ask is matched by where it runs on the simulated clock instead: its start
 * time and slot (several zero-length trials on one slot at one time: the lowest index first).
 */
export class RecordedTrials {
  private readonly byPlace = new Map<string, TrialRecord[]>();

  constructor(private readonly recorded: readonly TrialRecord[], private readonly parallel: boolean) {
    if (!parallel) return;
    for (const record of recorded) {
      if (record.simStart === undefined || record.slot === undefined) continue;
      const key = placeKey(record.simStart, record.slot);
      const list = this.byPlace.get(key);
      if (list) list.push(record);
      else this.byPlace.set(key, [record]);
    }
  }

  get length(): number {
    return this.recorded.length;
  }

  /** The stored record of this ask, taken so it is not matched twice; undefined when the record holds none. */
  take(info: TrialInfo, askIndex: number, place?: { simStart: number; slot: number }): TrialRecord | undefined {
    if (!this.parallel) {
      const record = this.recorded[askIndex];
      return record && sameProposal(info, record) ? record : undefined;
    }
    if (!place) return undefined;
    const list = this.byPlace.get(placeKey(place.simStart, place.slot));
    const at = list ? list.findIndex((record) => sameProposal(info, record)) : -1;
    return at < 0 ? undefined : list!.splice(at, 1)[0];
  }
}

function placeKey(simStart: number, slot: number): string {
  return `${simStart}@${slot}`;
}

function sameProposal(info: TrialInfo, record: TrialRecord): boolean {
  return (info.fidelity ?? null) === record.fidelity && sameConfig(info.config, record.config);
}

function sameConfig(a: Config, b: Config): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => Object.hasOwn(b, k) && (a[k] as Value) === (b[k] as Value));
}
