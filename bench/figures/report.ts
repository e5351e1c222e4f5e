import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore, runExperiment } from '../../runner/index.js';
import type { BenchFigure } from '../figure.js';

const RUNS = 1000;
const TRIALS = 200;

/** Builds the 1,000-run store (random search on every Pymoo/SO task, 200 trials each, 2 workers). */
async function buildStore(path: string): Promise<number> {
  const store = openSqliteStore(path);
  try {
    const tasks = 8; // Pymoo/SO/* today; seeds are chosen to reach RUNS runs
    const seeds = Array.from({ length: Math.ceil(RUNS / tasks) }, (_, i) => i + 1);
    await runExperiment(store, { experiment: 'bench', optimizers: [{ name: 'random', label: 'random', options: {} }], tasks: ['Pymoo/SO/*'], seeds, nTrials: TRIALS }, { workers: 2 });
    return store.listRuns('bench').length;
  } finally {
    store.close();
  }
}

/**
 * The report in a fresh process, so its peak RSS is the report's alone:
 * analyzeExperiment + writeReport (HTML, SVG and PNG figures, Markdown/LaTeX/CSV tables).
 */
function timeReport(db: string, out: string): { seconds: number; peakMb: number } {
  const analysis = new URL('../../analysis/index.js', import.meta.url).href;
  const runner = new URL('../../runner/index.js', import.meta.url).href;
  const code = `
    const { analyzeExperiment, writeReport } = await import(${JSON.stringify(analysis)});
    const { openSqliteStore } = await import(${JSON.stringify(runner)});
    const start = performance.now();
    const store = openSqliteStore(${JSON.stringify(db)}, { readonly: true });
    const result = await analyzeExperiment(store, 'bench');
    await writeReport(result, ${JSON.stringify(out)});
    store.close();
    const seconds = (performance.now() - start) / 1000;
    console.log(JSON.stringify({ seconds, peakMb: process.resourceUsage().maxRSS / 1024 }));`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (child.status !== 0) throw new Error(`report process failed: ${child.stderr.trim().split('\n').slice(-3).join(' ')}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!);
}

export const reportFigures: BenchFigure[] = [
  {
    name: 'report.seconds_1000x200',
    unit: 's',
    target: '<= 30',
    async run() {
      const dir = mkdtempSync(join(tmpdir(), 'hpoarena-bench-report-'));
      try {
        const db = join(dir, 'bench.db');
        const runs = await buildStore(db);
        const { seconds, peakMb } = timeReport(db, join(dir, 'report'));
        return { value: seconds, note: `full report (HTML, SVG+PNG figures, tables) for ${runs} runs x ${TRIALS} trials; peak RSS ${peakMb.toFixed(0)} MB (target <= 2048)` };
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  },
];
