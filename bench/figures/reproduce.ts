import { existsSync } from 'node:fs';
import { SHIPPED_BASELINES_DIR, baselineDir, manifestPath, parseSubsetName, reproduceBaselines } from '../../baselines/index.js';
import { DataMissingError } from '../../core/index.js';
import { DATA_DIR } from '../../test/dataDir.js';
import { FigureSkipped, type BenchFigure } from '../figure.js';

const SUBSET = 'subset:blackbox/dev';

/** Re-running a seeded sample of 20 shipped blackbox dev runs and checking them trial by trial. */
const sample20: BenchFigure = {
  name: 'reproduce.seconds_sample20_blackbox_dev',
  unit: 's',
  async run() {
    if (!existsSync(manifestPath(baselineDir(SHIPPED_BASELINES_DIR, parseSubsetName(SUBSET))))) throw new FigureSkipped(`no baselines ship for ${SUBSET}`);
    const result = await reproduceBaselines(SUBSET, { sample: 20, dataDir: DATA_DIR }).catch((error: unknown) => {
      if (error instanceof DataMissingError) throw new FigureSkipped(error.message.split('\n')[0]);
      throw error;
    });
    const identical = result.verdicts.filter((v) => !v.difference).length;
    const trials = result.verdicts.reduce((n, v) => n + v.run.trials.length, 0);
    const optimizers = new Set(result.verdicts.map((v) => v.run.optimizerLabel)).size;
    return { value: result.seconds, note: `${identical} of 20 runs identical (${trials} trials, ${optimizers} optimizers, sample seed 0 of ${result.available} shipped runs)` };
  },
};

export const reproduceFigures: BenchFigure[] = [sample20];
