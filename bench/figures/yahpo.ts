import { Rng, type Config, type Task } from '../../core/index.js';
import { SCENARIO_NAMES, yahpoCollection } from '../../benchmarks/yahpo/index.js';
import { DATA_DIR } from '../../test/dataDir.js';
import { median, type BenchFigure } from '../figure.js';

/** The tests' data directory (a missing scenario fails its figure with the fetch command). */
const context = { dataDir: DATA_DIR };
const CONFIGS = 256;

async function evalsPerSecond(task: Task, configs: readonly Config[]): Promise<number> {
  const slice = async (ms: number): Promise<number> => {
    let count = 0;
    const start = performance.now();
    while (performance.now() - start < ms) {
      for (const config of configs) await task.evaluate({ config });
      count += configs.length;
    }
    return (count * 1000) / (performance.now() - start);
  };
  await slice(50);
  return median([await slice(200), await slice(200), await slice(200)]);
}

let measured: Map<string, number> | undefined;

/** Sequential Task.evaluate (one surrogate call each) on the first instance of every scenario, blackbox task. */
async function measureAll(): Promise<Map<string, number>> {
  if (measured) return measured;
  const rates = new Map<string, number>();
  for (const scenario of SCENARIO_NAMES) {
    const spec = yahpoCollection.list(context).find((t) => t.id.startsWith(`yahpo/${scenario}/`) && t.id.endsWith('/None'))!;
    const task = await yahpoCollection.create(spec.id, context);
    const rng = new Rng(7);
    rates.set(scenario, await evalsPerSecond(task, Array.from({ length: CONFIGS }, () => task.space.sample(rng))));
  }
  measured = rates;
  return rates;
}

export const yahpoFigures: BenchFigure[] = [
  {
    name: 'yahpo.list_ms',
    unit: 'ms',
    async run() {
      const times = Array.from({ length: 5 }, () => {
        const start = performance.now();
        yahpoCollection.list(context);
        return performance.now() - start;
      });
      return { value: Number(median(times).toFixed(3)), note: `${yahpoCollection.list(context).length} descriptors, no ONNX loaded` };
    },
  },
  {
    name: 'yahpo.evals_per_s',
    unit: 'evals/s',
    async run() {
      const rates = await measureAll();
      const [slowest, rate] = [...rates].sort((a, b) => a[1] - b[1])[0];
      const all = [...rates].map(([s, r]) => `${s}=${Math.round(r)}`).join(' ');
      return { value: Math.round(rate), note: `slowest scenario ${slowest}; ${all}; onnxruntime CPU, 1 thread, batch 1` };
    },
  },
  {
    name: 'yahpo.single_eval_ms',
    unit: 'ms',
    target: '<= 1',
    async run() {
      const { task, configs } = await lcbench(1000);
      for (const config of configs.slice(0, 100)) await task.evaluate({ config }); // warm-up
      const times: number[] = [];
      for (const config of configs) {
        const start = performance.now();
        await task.evaluate({ config });
        times.push(performance.now() - start);
      }
      return { value: Number(median(times).toFixed(4)), note: 'one lcbench config through Task.evaluate (encode + one ONNX call), median of 1,000' };
    },
  },
  {
    name: 'yahpo.batch_evals_per_s',
    unit: 'evals/s',
    target: '>= 20000',
    async run() {
      const { task, configs } = await lcbench(1000);
      const trials = configs.map((config) => ({ config }));
      await task.evaluateBatch!(trials); // warm-up
      const rates: number[] = [];
      for (let r = 0; r < 7; r++) {
        const start = performance.now();
        await task.evaluateBatch!(trials);
        rates.push((trials.length * 1000) / (performance.now() - start));
      }
      return { value: Math.round(median(rates)), note: 'batches of 1,000 lcbench configs through Task.evaluateBatch (one ONNX call each), median of 7' };
    },
  },
];

async function lcbench(n: number): Promise<{ task: Task; configs: Config[] }> {
  const task = await yahpoCollection.create('yahpo/lcbench/3945/None', context);
  const rng = new Rng(11);
  return { task, configs: Array.from({ length: n }, () => task.space.sample(rng)) };
}
