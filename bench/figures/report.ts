import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchFigure } from '../figure.js';
import { SYNTHETIC_EXPERIMENT, syntheticStore, type SyntheticShape } from '../syntheticStore.js';

/**
 * The report at CARP-S scale: analyzeExperiment + writeReport (HTML, SVG and PNG figures,
 * Markdown/LaTeX/CSV tables), what `hpoarena report` does, on synthetic stores of 150 trials
 * per run. 1,000 runs (8 optimizers x 125 tasks x 1 seed) beside 20,000 (8 x 250 x 10), so
 * the growth from 20x the runs (and trials) is visible. Both have over 50 tasks: neither
 * draws per-task figures.
 */
const SHAPES = {
  '1000x150': { optimizers: 8, tasks: 125, seeds: 1, trials: 150 },
  '20000x150': { optimizers: 8, tasks: 250, seeds: 10, trials: 150 },
} satisfies Record<string, SyntheticShape>;

interface Measurement {
  readonly seconds: number;
  readonly peakMb: number;
  readonly runs: number;
  readonly buildSeconds: number;
  readonly cached: boolean;
}

/** The report in a fresh process, so its peak RSS is the report's alone. */
function timeReport(db: string, out: string): { seconds: number; peakMb: number } {
  const analysis = new URL('../../analysis/index.js', import.meta.url).href;
  const runner = new URL('../../runner/index.js', import.meta.url).href;
  const code = `
    const { analyzeExperiment, writeReport } = await import(${JSON.stringify(analysis)});
    const { openSqliteStore } = await import(${JSON.stringify(runner)});
    const start = performance.now();
    const store = openSqliteStore(${JSON.stringify(db)}, { readonly: true });
    const result = await analyzeExperiment(store, ${JSON.stringify(SYNTHETIC_EXPERIMENT)});
    await writeReport(result, ${JSON.stringify(out)});
    store.close();
    const seconds = (performance.now() - start) / 1000;
    console.log(JSON.stringify({ seconds, peakMb: process.resourceUsage().maxRSS / 1024 }));`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (child.status !== 0) throw new Error(`report process failed: ${child.stderr.trim().split('\n').slice(-3).join(' ')}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!);
}

/** One measurement per shape per bench run, shared by its seconds and peak-RSS figures. */
const measured = new Map<string, Promise<Measurement>>();

function measure(key: keyof typeof SHAPES): Promise<Measurement> {
  let result = measured.get(key);
  if (!result) {
    result = (async () => {
      const start = performance.now();
      const store = syntheticStore(SHAPES[key]);
      const buildSeconds = (performance.now() - start) / 1000;
      const dir = mkdtempSync(join(tmpdir(), 'hpoarena-bench-report-'));
      try {
        return { ...timeReport(store.path, join(dir, 'report')), runs: store.runs, buildSeconds, cached: store.cached };
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    })();
    measured.set(key, result);
  }
  return result;
}

function storeNote(m: Measurement): string {
  return m.cached ? 'synthetic store cached on disk' : `synthetic store built in ${m.buildSeconds.toFixed(1)} s (cached for later runs)`;
}

export const reportFigures: BenchFigure[] = [
  {
    name: 'report.seconds_1000x150', unit: 's',
    async run() {
      const m = await measure('1000x150');
      return { value: m.seconds, note: `full report for ${m.runs} runs x 150 trials (8 optimizers x 125 tasks); ${storeNote(m)}` };
    },
  },
  {
    name: 'report.peak_rss_mb_1000x150', unit: 'MB',
    async run() {
      const m = await measure('1000x150');
      return { value: m.peakMb, note: `peak RSS of the report process, ${m.runs} runs` };
    },
  },
  {
    name: 'report.seconds_20000x150', unit: 's', target: '<= 60',
    async run() {
      const m = await measure('20000x150');
      const small = await measure('1000x150');
      return { value: m.seconds, note: `${m.runs} runs x 150 trials (8 optimizers x 250 tasks x 10 seeds); ${(m.seconds / small.seconds).toFixed(1)}x the 1,000-run report for 20x the runs; ${storeNote(m)}` };
    },
  },
  {
    name: 'report.peak_rss_mb_20000x150', unit: 'MB', target: '<= 1536',
    async run() {
      const m = await measure('20000x150');
      const small = await measure('1000x150');
      return { value: m.peakMb, note: `${(m.peakMb / small.peakMb).toFixed(2)}x the 1,000-run report's ${small.peakMb.toFixed(0)} MB` };
    },
  },
];
