import type { BenchFigure } from '../figure.js';
import { blackboxVsRandom, describeStudy, MODEL_BASED } from '../quality/blackboxVsRandom.js';

/** Issue 5's quality table: model-based families against random search on BBOB, instance 0, 10 seeds, CARP-S budgets. */
function qualityFigure(dim: 2 | 8, optIn: boolean): BenchFigure {
  return {
    name: `quality.bbob_dim${dim}_families_beating_random`,
    unit: 'of 4',
    target: '= 4',
    optIn,
    async run() {
      const study = await blackboxVsRandom({ tasks: `bbob/${dim}/*/0`, seeds: 10, workers: 2 });
      const best = study.meanRanks[0].optimizer;
      return { value: study.versusRandom.filter((v) => v.significant).length, note: `best: ${best}. ${describeStudy(study)} (of ${MODEL_BASED.join(', ')})` };
    },
  };
}

// dim 2 takes about 2 minutes on 2 cores; dim 8 about 20 (gp and rf at 134 trials), so it is opt-in.
export const qualityFigures: BenchFigure[] = [qualityFigure(2, false), qualityFigure(8, true)];
