import { deriveRng } from '../../core/index.js';
import { exactDiscrepancy, pickPoints, readPointsCsv, shiftSelect, type PointSet, type ShiftResult } from '../../subsets/index.js';
import { dataPath } from '../../test/dataDir.js';
import { median, type BenchFigure } from '../figure.js';

/** 1,000 points in [0,1]^3 shared with the reference C programs (DEM, CARP-S shift). */
function benchPoints(): PointSet {
  return readPointsCsv(dataPath('reference/subset-bench-points-n1000-d3.csv'));
}

const K = 30;
const TRIES = 100;

/** The selection is run once and shared by the time and the quality figure. */
let selection: Promise<{ result: ShiftResult; seconds: number; points: PointSet }> | undefined;
function select(): Promise<{ result: ShiftResult; seconds: number; points: PointSet }> {
  selection ??= Promise.resolve().then(() => {
    const points = benchPoints();
    const started = performance.now();
    const result = shiftSelect(points, { k: K, tries: TRIES, seed: 0 });
    return { result, seconds: (performance.now() - started) / 1000, points };
  });
  return selection;
}

const exactTime: BenchFigure = {
  name: 'stardisc.exact_ms_n1000_d3',
  unit: 'ms',
  target: '<= 150',
  async run() {
    const points = benchPoints();
    let value = exactDiscrepancy(points).value; // warm-up
    const times: number[] = [];
    for (let run = 0; run < 9; run++) {
      const started = performance.now();
      value = exactDiscrepancy(points).value;
      times.push(performance.now() - started);
    }
    return { value: median(times), note: `D* = ${value.toFixed(6)}; median of 9 after a warm-up; reference C DEM ~60 ms` };
  },
};

const selectTime: BenchFigure = {
  name: 'subset.select_s_n1000_d3_k30',
  unit: 's',
  target: '<= 30',
  async run() {
    const { result, seconds } = await select();
    const s = result.stats;
    return { value: seconds, note: `${TRIES} tries; ${s.exactEvaluations} exact evaluations, ${s.rejectedByCache} of ${s.candidates} swaps rejected by remembered boxes; CARP-S shift ~53 s` };
  },
};

const selectQuality: BenchFigure = {
  name: 'subset.discrepancy_k30',
  unit: 'D*',
  target: '<= 0.0955',
  async run() {
    const { result, points } = await select();
    const random: number[] = [];
    for (let r = 0; r < 20; r++) {
      const ids = deriveRng(0, 'bench-random-subset', r).shuffle(Array.from({ length: points.n }, (_, i) => i)).slice(0, K);
      random.push(exactDiscrepancy(pickPoints(points, ids)).value);
    }
    return { value: result.discrepancy, note: `a random subset of ${K}: ${median(random).toFixed(4)} (median of 20)` };
  },
};

export const subsetFigures: BenchFigure[] = [exactTime, selectTime, selectQuality];
