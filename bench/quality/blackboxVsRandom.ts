import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeExperiment, holmAdjust } from '../../analysis/index.js';
import { openSqliteStore, runExperiment } from '../../runner/index.js';

/** The model-based families issue 5 compares against random search. */
export const MODEL_BASED = ['tpe', 'gp', 'rf', 'cmaes'] as const;

export interface QualityStudy {
  readonly tasks: number;
  readonly seeds: number;
  /** Mean rank over tasks (of the seed-averaged min-max-normalized final cost), best first. */
  readonly meanRanks: ReadonlyArray<{ optimizer: string; rank: number }>;
  readonly friedmanP: number;
  readonly criticalDifference: number;
  /** Per model-based optimizer: wins/losses over tasks against random, Wilcoxon p Holm-adjusted over the four comparisons, Nemenyi verdict. */
  readonly versusRandom: ReadonlyArray<{ optimizer: string; wins: number; losses: number; pHolm: number; nemenyiSignificant: boolean; significant: boolean }>;
}

/**
 * Runs random and the model-based families on a task pattern with CARP-S budgets (or a
 * smaller override) and tests each family against random search: better mean rank and
 * significant by the Nemenyi critical difference or by Wilcoxon with Holm at alpha 0.05.
 */
export async function blackboxVsRandom(options: { tasks: string; seeds: number; nTrials?: number; workers?: number }): Promise<QualityStudy> {
  const dir = mkdtempSync(join(tmpdir(), 'hpoarena-quality-'));
  const store = openSqliteStore(join(dir, 'quality.db'));
  try {
    const optimizers = ['random', ...MODEL_BASED].map((name) => ({ name, label: name, options: {} }));
    const seeds = Array.from({ length: options.seeds }, (_, i) => i + 1);
    await runExperiment(store, { experiment: 'quality', optimizers, tasks: [options.tasks], seeds, nTrials: options.nTrials }, { workers: options.workers ?? 2 });
    const analysis = await analyzeExperiment(store, 'quality', { normalization: 'minmax' });
    const meanRanks = (analysis.ranks.mean.objects() as Array<{ optimizer: string; rank: number }>).map(({ optimizer, rank }) => ({ optimizer, rank }));
    const rankOf = new Map(meanRanks.map((r) => [r.optimizer, r.rank]));
    const { friedman, nemenyi, pairwise } = analysis.tests;
    const cd = nemenyi?.criticalDifference ?? Infinity;
    // Comparisons against a control (Demsar 2006): Holm over the four family-vs-random Wilcoxon tests.
    const pairs = MODEL_BASED.map((optimizer) => {
      const pair = pairwise.find((p) => (p.a === optimizer && p.b === 'random') || (p.a === 'random' && p.b === optimizer))!;
      return { optimizer, pair, wins: pair.a === optimizer ? pair.wins : pair.losses, losses: pair.a === optimizer ? pair.losses : pair.wins };
    });
    const adjusted = holmAdjust(pairs.map((p) => p.pair.pValue));
    const versusRandom = pairs.map(({ optimizer, wins, losses }, i) => {
      const better = rankOf.get(optimizer)! < rankOf.get('random')!;
      const nemenyiSignificant = better && rankOf.get('random')! - rankOf.get(optimizer)! > cd;
      const wilcoxonSignificant = better && wins > losses && adjusted[i] < 0.05;
      return { optimizer, wins, losses, pHolm: adjusted[i], nemenyiSignificant, significant: nemenyiSignificant || wilcoxonSignificant };
    });
    return { tasks: analysis.tests.tasks, seeds: options.seeds, meanRanks, friedmanP: friedman?.pValue ?? NaN, criticalDifference: cd, versusRandom };
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function describeStudy(study: QualityStudy): string {
  const ranks = study.meanRanks.map((r) => `${r.optimizer} ${r.rank.toFixed(2)}`).join(', ');
  const tests = study.versusRandom.map((v) => `${v.optimizer} ${v.wins}-${v.losses} pHolm=${v.pHolm.toExponential(1)}${v.significant ? ' *' : ''}`).join('; ');
  return `${study.tasks} tasks x ${study.seeds} seeds; mean ranks: ${ranks}; Friedman p=${study.friedmanP.toExponential(1)}, CD=${study.criticalDifference.toFixed(2)}; vs random: ${tests}`;
}
