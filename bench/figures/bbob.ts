import { Rng, type Config, type Task } from '../../core/index.js';
import { BBOB_FUNCTIONS, FUNCTION_IDS, bbobCollection } from '../../benchmarks/bbob/index.js';
import { median, type BenchFigure } from '../figure.js';

const DIMENSION = 10;
const CONFIGS = 1024;

/** Evaluations per second of one task through Task.evaluate with config objects (median of 3 timed slices). */
function evalsPerSecond(task: Task, configs: readonly Config[]): number {
  const slice = (ms: number): number => {
    let count = 0;
    const start = performance.now();
    let elapsed = 0;
    while (elapsed < ms) {
      for (let i = 0; i < CONFIGS; i++) task.evaluate({ config: configs[i] });
      count += CONFIGS;
      elapsed = performance.now() - start;
    }
    return (count * 1000) / elapsed;
  };
  slice(50); // warm-up
  return median([slice(150), slice(150), slice(150)]);
}

function randomConfigs(seed: number): Config[] {
  const rng = new Rng(seed);
  return Array.from({ length: CONFIGS }, () => {
    const config: Record<string, number> = {};
    for (let i = 0; i < DIMENSION; i++) config[`x${i}`] = -5 + 10 * rng.random();
    return config;
  });
}

let measured: Map<number, number> | undefined;

/** f1..f24 at d = 10, instance 1, measured once and shared by the figures below. */
async function measureAll(): Promise<Map<number, number>> {
  if (measured) return measured;
  const configs = randomConfigs(20240611);
  const rates = new Map<number, number>();
  for (const fid of FUNCTION_IDS) rates.set(fid, evalsPerSecond(await bbobCollection.create(`bbob/${DIMENSION}/${fid}/1`, {}), configs));
  measured = rates;
  return rates;
}

function slowest(rates: Map<number, number>, fids: readonly number[]): { fid: number; rate: number } {
  let best = { fid: fids[0], rate: Infinity };
  for (const fid of fids) if (rates.get(fid)! < best.rate) best = { fid, rate: rates.get(fid)! };
  return best;
}

export const bbobFigures: BenchFigure[] = [
  {
    name: 'bbob.evals_per_s',
    unit: 'evals/s',
    async run() {
      const rates = await measureAll();
      const { fid, rate } = slowest(rates, FUNCTION_IDS);
      const perFunction = FUNCTION_IDS.map((f) => `f${f}=${Math.round(rates.get(f)! / 1000)}k`).join(' ');
      return { value: Math.round(rate), note: `slowest of f1..f24 at d=${DIMENSION} (f${fid}); ${perFunction}` };
    },
  },
  {
    name: 'bbob.evals_per_s.f1',
    unit: 'evals/s',
    target: '>= 1000000',
    async run() {
      return { value: Math.round((await measureAll()).get(1)!), note: `sphere, d=${DIMENSION}, Task.evaluate` };
    },
  },
  {
    name: 'bbob.evals_per_s.rotated_min',
    unit: 'evals/s',
    target: '>= 100000',
    async run() {
      const rotated = FUNCTION_IDS.filter((f) => BBOB_FUNCTIONS[f].rotated);
      const { fid, rate } = slowest(await measureAll(), rotated);
      return { value: Math.round(rate), note: `slowest rotated function: f${fid} ${BBOB_FUNCTIONS[fid].name}, d=${DIMENSION}` };
    },
  },
];
