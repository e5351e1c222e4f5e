/**
 * tfjs.epoch_ms.<backend>: one training epoch of the default MLP task (tfjs/mlp/iris, default
 * configuration) on every installed backend, each in its own trainer process; the note gives the
 * ratio to the cpu backend measured in the same run.
 * tfjs.hyperband_saved_fraction: in one full hyperband iteration (eta 3, epochs 1..27) on
 * tfjs/mlp/iris/epochs, the fraction of all epochs asked for that checkpoint reuse did not train again.
 */
import { viewOf } from '../../core/index.js';
import { createTask } from '../../benchmarks/index.js';
import { BACKEND_NAMES, candidate, isInstalled, type BackendName } from '../../benchmarks/tfjs/backend.js';
import { EPOCHS, parseTfjsId } from '../../benchmarks/tfjs/catalogue.js';
import { mlpSpace } from '../../benchmarks/tfjs/space.js';
import { tfjsTask } from '../../benchmarks/tfjs/task.js';
import { childProcessTrainer } from '../../benchmarks/tfjs/trainer.js';
import { createOptimizer } from '../../optimizers/index.js';
import { runLoop } from '../../runner/index.js';
import { median, type BenchFigure } from '../figure.js';

const DEFAULT_TASK = 'tfjs/mlp/iris';
const epochMs = new Map<BackendName, number>();

async function measureEpochMs(backend: BackendName): Promise<number> {
  const known = epochMs.get(backend);
  if (known !== undefined) return known;
  const task = tfjsTask(parseTfjsId(DEFAULT_TASK)!, childProcessTrainer({ ...process.env, HPOARENA_TFJS_BACKEND: backend }));
  try {
    const config = mlpSpace.defaultConfig();
    await task.evaluate({ config, fidelity: 2, seed: 0 }); // warm-up: backend start, dataset upload
    const times: number[] = [];
    for (let seed = 1; seed <= 3; seed++) {
      const value = await task.evaluate({ config, fidelity: EPOCHS.max, seed });
      times.push(((value.info?.train_seconds as number) * 1000) / EPOCHS.max);
    }
    epochMs.set(backend, median(times));
    return median(times);
  } finally {
    task.close?.();
  }
}

const installed = BACKEND_NAMES.filter((name) => isInstalled(candidate(name).packageName));

export const tfjsFigures: BenchFigure[] = [
  ...installed.map((backend): BenchFigure => ({
    name: `tfjs.epoch_ms.${backend}`,
    unit: 'ms',
    async run() {
      const ms = await measureEpochMs(backend);
      const cpu = backend === 'cpu' ? ms : await measureEpochMs('cpu');
      return { value: Number(ms.toFixed(2)), note: `${DEFAULT_TASK}, default config, median of 3 x 27 epochs; ${(ms / cpu).toFixed(2)}x the cpu backend (${cpu.toFixed(2)} ms)` };
    },
  })),
  {
    name: 'tfjs.hyperband_saved_fraction',
    unit: 'fraction',
    async run() {
      const task = await createTask(`${DEFAULT_TASK}/epochs`);
      try {
        // One full hyperband iteration (brackets s = 3..0) asks for 423 epochs: 15.67 trials of 27.
        const nTrials = 423 / EPOCHS.max;
        const view = viewOf(task);
        let asked = 0;
        let reused = 0;
        let backend = '';
        await runLoop({
          runId: 1, task, optimizer: createOptimizer('hyperband', { ...view, budget: { nTrials } }, 1), seed: 1, nTrials, recorded: [],
          persist: (r) => {
            asked += r.fidelity ?? EPOCHS.max;
            reused += (r.info?.epochs_reused as number | undefined) ?? 0;
            backend = String(r.info?.backend);
          },
          discardFrom: () => {},
        });
        return { value: Number((reused / asked).toFixed(4)), note: `${reused} of ${asked} epochs continued from checkpoints (${backend} backend, seed 1)` };
      } finally {
        await task.close?.();
      }
    },
  },
];
