import { DATA_DIR } from '../../test/dataDir.js';
import type { BenchFigure } from '../figure.js';
import { describeMfStudy, MF_METHODS, mfVsRandom, pooledMedianShare, type MfTaskResult } from '../quality/mfVsRandom.js';

/** YAHPO data from the tests' data directory. */
const context = { dataDir: DATA_DIR };

const COLLECTIONS = { 'MF-Hartmann': ['mfpbench/SO/mfh/*'], 'YAHPO lcbench': ['yahpo/lcbench/*'] } as const;

/**
 * Issue 6's multi-fidelity table: hyperband, bohb and dehb against random search on the 8
 * MF-Hartmann tasks and the YAHPO lcbench multi-fidelity tasks, 10 seeds, CARP-S budgets. The
 * value counts the methods whose median share of the budget (pooled over every task and seed)
 * to reach random search's final incumbent is at most one half; the note breaks it down.
 */
export const qualityMfFigures: BenchFigure[] = [
  {
    name: 'quality.mf_methods_within_half_budget',
    unit: 'of 3',
    target: '= 3',
    async run() {
      const parts: string[] = [];
      const all: MfTaskResult[] = [];
      for (const [label, patterns] of Object.entries(COLLECTIONS)) {
        const study = await mfVsRandom({ tasks: patterns, seeds: 10, context });
        all.push(...study.tasks);
        parts.push(`${label} (${study.tasks.length} tasks x 10 seeds): ${describeMfStudy(study.tasks)}`);
      }
      const passing = MF_METHODS.filter((m) => pooledMedianShare(all, m) <= 0.5);
      return { value: passing.length, note: `all ${all.length} tasks: ${describeMfStudy(all, false)}\n${parts.join('\n')}` };
    },
  },
];
