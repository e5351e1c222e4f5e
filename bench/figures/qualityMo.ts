import type { BenchFigure } from '../figure.js';
import { describeMoStudy, moVsRandom } from '../quality/moVsRandom.js';

/**
 * Issue 6's multi-objective quality table: nsga2, motpe and parego against random search on
 * ZDT1-4, ZDT6 and DTLZ1-7, 10 seeds, CARP-S budgets; the value counts the (optimizer, problem)
 * pairs whose final hypervolume beats random's (higher median, one-sided Wilcoxon, Holm over 36),
 * each pair scored on the scale of its own two methods' fronts (see moVsRandom).
 * Opt-in: parego refits its GP before every proposal, about 18 CPU-minutes in all (~10 minutes on 2 workers).
 */
export const qualityMoFigures: BenchFigure[] = [
  {
    name: 'quality.mo_pairs_beating_random',
    unit: 'of 36',
    target: '= 36',
    optIn: true,
    async run() {
      const started = performance.now();
      const study = await moVsRandom({ seeds: 10, workers: 2 });
      const seconds = (performance.now() - started) / 1000;
      const failing = study.comparisons.filter((c) => !c.significant).map((c) => `${c.optimizer}/${c.task.slice(c.task.lastIndexOf('/') + 1)}`);
      const note = [
        `${study.seeds} seeds, ${seconds.toFixed(0)} s; median normalized hypervolume, wins-losses vs random, one-sided Wilcoxon p (Holm over ${study.comparisons.length}); not significant: ${failing.join(', ') || 'none'}; on one scale over all four methods: ${study.jointScaleSignificant} of 36`,
        ...describeMoStudy(study),
      ].join('\n  ');
      return { value: study.comparisons.filter((c) => c.significant).length, note };
    },
  },
];
