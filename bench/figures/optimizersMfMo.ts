import { Rng, SearchSpace, resolveOptions, type Optimizer, type OptimizerFactory, type Options, type TaskView, type TrialInfo, type TrialValue } from '../../core/index.js';
import { dehbFactory } from '../../optimizers/dehb/dehb.js';
import { motpeFactory } from '../../optimizers/motpe/motpe.js';
import { nsga2Factory } from '../../optimizers/nsga2/nsga2.js';
import { paregoFactory } from '../../optimizers/parego/parego.js';
import { median, type BenchFigure } from '../figure.js';

const DIM = 10;

function view(objectives: number, nTrials: number, fidelity = false): TaskView {
  const space = new SearchSpace({
    hyperparameters: Array.from({ length: DIM }, (_, i) => ({ type: 'float' as const, name: `x${i}`, lower: 0, upper: 1, log: false, default: 0.5 })),
  });
  return {
    space,
    objectives: Array.from({ length: objectives }, (_, k) => ({ name: `f${k}`, direction: 'minimize' as const })),
    fidelity: fidelity ? { name: 'epochs', min: 1, max: 81, integer: true } : undefined,
    budget: { nTrials },
    type: fidelity ? 'multi-fidelity' : objectives > 1 ? 'multi-objective' : 'blackbox',
  };
}

/** DTLZ2 on the 10 coordinates (m objectives); one objective: its g plus the first coordinate. */
function value(info: TrialInfo, m: number): TrialValue {
  const x = Array.from({ length: DIM }, (_, i) => info.config[`x${i}`] as number);
  let g = 0;
  for (let i = m - 1; i < DIM; i++) g += (x[i] - 0.5) ** 2;
  if (m === 1) return { cost: g + x[0] + (info.fidelity ? 1 / info.fidelity : 0), status: 'ok', wallTime: 0, virtualTime: 0 };
  const f = Array.from({ length: m }, (_, k) => {
    let v = 1 + g;
    for (let j = 0; j < m - 1 - k; j++) v *= Math.cos((x[j] * Math.PI) / 2);
    if (k > 0) v *= Math.sin((x[m - 1 - k] * Math.PI) / 2);
    return v;
  });
  return { cost: f, status: 'ok', wallTime: 0, virtualTime: 0 };
}

function create(factory: OptimizerFactory, v: TaskView, seed: number, options: Options = {}): Optimizer {
  return factory.create(v, seed, resolveOptions(factory, options));
}

/** An optimizer told `observed` random trials first (warm start through tell). */
function primed(factory: OptimizerFactory, m: number, observed: number, seed: number): Optimizer {
  const v = view(m, 10_000);
  const optimizer = create(factory, v, seed);
  const rng = new Rng(seed + 1000);
  for (let i = 0; i < observed; i++) {
    const info = { config: v.space.sample(rng) };
    optimizer.tell(info, value(info, m));
  }
  return optimizer;
}

/** Median ms of `timed` asks (each told back) after `warmup` untimed ones, over `reps` primed optimizers. */
async function askMs(factory: OptimizerFactory, m: number, observed: number, reps: number, warmup: number, timed: number): Promise<number> {
  const times: number[] = [];
  for (let r = 0; r < reps; r++) {
    const optimizer = primed(factory, m, observed, r + 1);
    for (let i = 0; i < warmup + timed; i++) {
      const start = performance.now();
      const info = await optimizer.ask();
      if (i >= warmup) times.push(performance.now() - start);
      await optimizer.tell(info, value(info, m));
    }
  }
  return median(times);
}

/** Median ms per NSGA-II generation (100 asks and tells, survival included) after two warm-up generations. */
async function generationMs(): Promise<number> {
  const optimizer = create(nsga2Factory, view(3, 1_000_000), 1, { population_size: 100 });
  const times: number[] = [];
  for (let generation = 0; generation < 12; generation++) {
    const start = performance.now();
    for (let i = 0; i < 100; i++) {
      const info = await optimizer.ask();
      await optimizer.tell(info, value(info, 3));
    }
    if (generation >= 2) times.push(performance.now() - start);
  }
  return median(times);
}

/** Median microseconds per DEHB ask + tell on a 10-D multi-fidelity task (fidelity 1..81), chunks of 500 after one warm-up chunk. */
async function dehbAskMicroseconds(): Promise<number> {
  const optimizer = create(dehbFactory, view(1, 1_000_000, true), 1);
  const times: number[] = [];
  for (let chunk = 0; chunk < 8; chunk++) {
    const start = performance.now();
    for (let i = 0; i < 500; i++) {
      const info = await optimizer.ask();
      await optimizer.tell(info, value(info, 1));
    }
    if (chunk > 0) times.push(((performance.now() - start) * 1000) / 500);
  }
  return median(times);
}

export const optimizersMfMoFigures: BenchFigure[] = [
  {
    name: 'nsga2.generation_ms',
    unit: 'ms',
    async run() {
      return { value: await generationMs(), note: 'NSGA-II, population 100, 3-objective DTLZ2 on 10 floats: 100 asks + tells incl. survival; median of 10 generations' };
    },
  },
  {
    name: 'motpe.ask_ms_at_500',
    unit: 'ms',
    async run() {
      return { value: await askMs(motpeFactory, 2, 500, 3, 2, 10), note: 'MOTPE (Optuna defaults), 2-objective DTLZ2, 10-D, 500 told trials; median of 3 x 10 asks' };
    },
  },
  {
    name: 'parego.ask_ms_at_200',
    unit: 'ms',
    async run() {
      return { value: await askMs(paregoFactory, 2, 200, 3, 1, 3), note: 'ParEGO on the gp surrogate (SMAC BB defaults, refit per ask), 2-objective DTLZ2, 10-D, 200 told trials; median of 3 x 3 asks' };
    },
  },
  {
    name: 'dehb.ask_us',
    unit: 'us',
    async run() {
      return { value: await dehbAskMicroseconds(), note: 'DEHB defaults, 10-D, fidelity 1..81 (eta 3, 5 budgets): median us per ask + tell, chunks of 500' };
    },
  },
];
