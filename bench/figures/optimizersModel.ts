import { Rng, SearchSpace, type Optimizer, type OptimizerFactory, type TaskView, type TrialInfo } from '../../core/index.js';
import { gaussianProcessFactory } from '../../optimizers/gp/gaussianProcessOptimizer.js';
import { randomForestFactory } from '../../optimizers/rf/randomForestOptimizer.js';
import { tpeFactory } from '../../optimizers/tpe/tpeFactory.js';
import { optunaAnchor } from '../anchors/optuna.js';
import { median, type BenchFigure } from '../figure.js';

const DIM = 10;

function view(): TaskView {
  const space = new SearchSpace({
    hyperparameters: Array.from({ length: DIM }, (_, i) => ({ type: 'float' as const, name: `x${i}`, lower: -5, upper: 5, log: false, default: 0 })),
  });
  return { space, objectives: [{ name: 'f', direction: 'minimize' }], budget: { nTrials: 10_000 }, type: 'blackbox' };
}

/** Rosenbrock-like cost with some structure for the models to fit. */
function cost(info: TrialInfo): number {
  let s = 0;
  for (let i = 0; i < DIM; i++) {
    const x = info.config[`x${i}`] as number;
    s += (x - 1) * (x - 1) + (i > 0 ? 0.1 * x * (info.config[`x${i - 1}`] as number) : 0);
  }
  return s;
}

/** An optimizer that has been told `observed` random trials. */
function primed(factory: OptimizerFactory, observed: number, seed: number): { optimizer: Optimizer; view: TaskView } {
  const v = view();
  const optimizer = factory.create(v, seed, {});
  const rng = new Rng(seed + 1000);
  for (let i = 0; i < observed; i++) {
    const info = { config: v.space.sample(rng) };
    optimizer.tell(info, { cost: cost(info), status: 'ok', wallTime: 0, virtualTime: 0 });
  }
  return { optimizer, view: v };
}

/** Median ms of `timed` asks (each told back), after `warmup` untimed ones; over `reps` primed optimizers. */
async function askMs(factory: OptimizerFactory, observed: number, reps: number, warmup: number, timed: number): Promise<number> {
  const times: number[] = [];
  for (let r = 0; r < reps; r++) {
    const { optimizer } = primed(factory, observed, r + 1);
    for (let i = 0; i < warmup + timed; i++) {
      const start = performance.now();
      const info = await optimizer.ask();
      const ms = performance.now() - start;
      if (i >= warmup) times.push(ms);
      await optimizer.tell(info, { cost: cost(info), status: 'ok', wallTime: 0, virtualTime: 0 });
    }
  }
  return median(times);
}

let tpeAt1000: Promise<number> | undefined;
/** Our TPE's ask at 1,000 told trials, shared by the absolute figure and the ratio to Optuna. */
function tpeAskAt1000(): Promise<number> {
  tpeAt1000 ??= askMs(tpeFactory, 1000, 3, 5, 20);
  return tpeAt1000;
}

export const optimizersModelFigures: BenchFigure[] = [
  {
    name: 'tpe.ask_ms_at_1000',
    unit: 'ms',
    async run() {
      return { value: await tpeAskAt1000(), note: 'TPE (Optuna defaults), 10-D continuous, 1,000 told trials; median of 3 x 20 asks; absolute: tpe.vs_optuna_ask_at_1000 carries the target' };
    },
  },
  {
    name: 'tpe.vs_optuna_ask_at_1000',
    unit: 'x',
    target: '>= 10',
    async run() {
      const ours = await tpeAskAt1000();
      const optuna = await optunaAnchor<{ ask_ms: number }>('tpe-ask', [1000, 3, 10]);
      return {
        value: optuna.ask_ms / ours,
        note: `Optuna ${optuna.optuna} TPESampler ask (study.ask + 10 suggest_float) ${optuna.ask_ms.toFixed(1)} ms over ours ${ours.toFixed(2)} ms, 10-D continuous, 1,000 told random trials, same run (medians of 3 x 10 and 3 x 20 asks)`,
      };
    },
  },
  {
    name: 'gp.ask_ms_at_200',
    unit: 'ms',
    target: '<= 300',
    async run() {
      const value = await askMs(gaussianProcessFactory, 200, 3, 1, 5);
      return { value, note: 'GP (SMAC BB defaults), 10-D, 200 observations, hyperparameter fit (warm start) + acquisition; median of 3 x 5 asks' };
    },
  },
  {
    name: 'rf.ask_ms_at_500',
    unit: 'ms',
    target: '<= 100',
    async run() {
      const value = await askMs(randomForestFactory, 500, 3, 1, 7);
      return { value, note: 'RF (SMAC HPO defaults, 10,000 challengers), 10-D, 500 observations; median of 3 x 7 asks' };
    },
  },
];
