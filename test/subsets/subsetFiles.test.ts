import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import yargs from 'yargs';
import { HpoArenaError, Rng, SpecError, UnknownNameError } from '../../core/index.js';
import { openSqliteStore } from '../../runner/store/index.js';
import { subsetsCommand } from '../../cli/commands/subsets.js';
import { computeSubsets, exactDiscrepancy, listSubsets, readSubsetFile, resolveSubset, SHIPPED_SUBSETS_DIR, toPointSet, type SubsetFile } from '../../subsets/index.js';
import { tempDir } from '../helpers.js';

/** A store with one experiment: 24 blackbox-like tasks x 3 reference optimizers x 2 seeds, plus noise runs. */
function fillStore(path: string): void {
  const store = openSqliteStore(path);
  try {
    store.ensureExperiment('ref', {});
    const runs = [];
    for (let t = 0; t < 24; t++) {
      for (const optimizer of ['gp', 'random', 'cmaes']) {
        for (const seed of [0, 1]) runs.push({ optimizer, optimizerLabel: optimizer, optimizerOptions: {}, task: `toy/${t}`, seed, nTrials: 3 });
      }
    }
    store.addRuns('ref', runs);
    const rng = new Rng('store');
    for (const run of store.listRuns('ref')) {
      store.claimRun(run.id);
      for (let i = 0; i < 3; i++) {
        store.appendTrial({ runId: run.id, index: i, config: {}, fidelity: null, cost: rng.random(), status: 'ok', wallTime: 0, virtualTime: 0, budgetUsed: i + 1, info: null });
      }
      store.finishRun(run.id, 'done', 3);
    }
  } finally {
    store.close();
  }
}

async function runCli(args: string[]): Promise<string[]> {
  const lines: string[] = [];
  const log = console.log;
  console.log = (...values: unknown[]) => void lines.push(values.join(' '));
  try {
    await yargs(args).command(subsetsCommand).strict().fail((message, error) => {
      throw error ?? new Error(message);
    }).parseAsync();
  } finally {
    console.log = log;
  }
  return lines;
}

describe('subset files', () => {
  it('compute writes one file per set; resolveSubset maps subset:<type>/<set> and file paths to task ids', async (t) => {
    const dir = tempDir(t);
    const storePath = join(dir, 'store.db');
    fillStore(storePath);
    const out = join(dir, 'subsets');
    const result = await computeSubsets({ experiment: 'ref', storePath, type: 'blackbox', k: 5, sets: ['dev', 'test'], tries: 3, outDir: out });
    assert.deepEqual(result.paths, [join(out, 'blackbox', 'dev.json'), join(out, 'blackbox', 'test.json')]);
    const dev = readSubsetFile(result.paths[0]);
    const test = readSubsetFile(result.paths[1]);
    assert.equal(dev.tasks.length, 5);
    assert.equal(dev.source.fullSetSize, 24);
    assert.deepEqual(dev.source.optimizers, ['gp', 'random', 'cmaes']);
    assert.ok(Math.abs(exactDiscrepancy(toPointSet(dev.tasks.map((x) => [...x.point]))).value - dev.discrepancy) < 1e-12);
    const devIds = resolveSubset('subset:blackbox/dev', { dir: out });
    assert.deepEqual(devIds, dev.tasks.map((x) => x.id));
    assert.ok(devIds.every((id) => !test.tasks.some((x) => x.id === id)), 'dev and test are disjoint');
    assert.deepEqual(resolveSubset(result.paths[1]), test.tasks.map((x) => x.id));
    assert.deepEqual(listSubsets(out), ['blackbox/dev', 'blackbox/test']);
    const again = await computeSubsets({ experiment: 'ref', storePath, type: 'blackbox', k: 5, sets: ['dev', 'test'], tries: 3, outDir: join(dir, 'again') });
    assert.deepEqual(again.files, result.files, 'same seed, same files');
  });

  it('names what is wrong: unknown experiment, k too large, empty type, unknown subset', async (t) => {
    const dir = tempDir(t);
    const storePath = join(dir, 'store.db');
    fillStore(storePath);
    const base = { storePath, k: 5, sets: ['dev', 'test'], tries: 1, outDir: join(dir, 'out') };
    await assert.rejects(computeSubsets({ ...base, experiment: 'reff', type: 'blackbox' }), (e: unknown) => e instanceof UnknownNameError && /'reff'/.test(e.message) && /ref/.test(e.message));
    await assert.rejects(computeSubsets({ ...base, experiment: 'ref', type: 'blackbox', k: 13 }), (e: unknown) => e instanceof SpecError && /k = 13/.test(e.message));
    await assert.rejects(computeSubsets({ ...base, experiment: 'ref', type: '' }), (e: unknown) => e instanceof SpecError && /empty/.test(e.message));
    await assert.rejects(computeSubsets({ ...base, experiment: 'ref', type: 'multi-objective' }), (e: unknown) => e instanceof SpecError && /No multi-objective tasks/.test(e.message));
    assert.throws(() => resolveSubset('subset:blackbox/holdout', { dir }), (e: unknown) => e instanceof SpecError && /subset:blackbox\/holdout/.test(e.message));
    assert.throws(() => resolveSubset('subset:blackbox', { dir }), (e: unknown) => e instanceof SpecError && /subset:<type>\/<set>/.test(e.message));
    assert.throws(() => resolveSubset(join(dir, 'nope.json')), (e: unknown) => e instanceof SpecError && /nope\.json/.test(e.message));
    const bogus = join(dir, 'bogus.json');
    writeFileSync(bogus, '{"tasks": []}');
    assert.throws(() => readSubsetFile(bogus), (e: unknown) => e instanceof SpecError && /not a subset file/.test(e.message));
  });

  it('the shipped directory is subsets/data/ in the project', () => {
    assert.ok(SHIPPED_SUBSETS_DIR.replace(/\\/g, '/').endsWith('/subsets/data/'));
    assert.ok(existsSync(SHIPPED_SUBSETS_DIR));
  });
});

describe('subsets CLI', () => {
  it('discrepancy FILE prints the value, --json one line, --method ta a labelled lower bound', async (t) => {
    const dir = tempDir(t);
    const file = join(dir, 'points.csv');
    writeFileSync(file, 'x,y\n0.2,0.9\n0.6,0.4\n0.9,0.1\n');
    const exact = exactDiscrepancy(toPointSet([[0.2, 0.9], [0.6, 0.4], [0.9, 0.1]])).value;
    assert.deepEqual(await runCli(['subsets', 'discrepancy', file]), [String(exact)]);
    const [json] = await runCli(['subsets', 'discrepancy', file, '--json']);
    assert.deepEqual(JSON.parse(json), { discrepancy: exact, n: 3, d: 2, method: 'exact' });
    const [ta] = await runCli(['subsets', 'discrepancy', file, '--json', '--method', 'ta', '--iterations', '400']);
    const parsed = JSON.parse(ta);
    assert.equal(parsed.method, 'ta');
    assert.equal(parsed.bound, 'lower');
    assert.ok(parsed.discrepancy <= exact + 1e-12);
    assert.match((await runCli(['subsets', 'discrepancy', file, '--method', 'ta', '--iterations', '400']))[0], /lower bound/);
    writeFileSync(file, '0.2,0.9\n0.6,1.4\n');
    await assert.rejects(runCli(['subsets', 'discrepancy', file]), (e: unknown) => e instanceof HpoArenaError && /1\.4/.test(e.message));
  });

  it('compute writes the files and reports them', async (t) => {
    const dir = tempDir(t);
    const storePath = join(dir, 'store.db');
    fillStore(storePath);
    const out = join(dir, 'out');
    const [line] = await runCli(['subsets', 'compute', '--from', 'ref', '--store', storePath, '--type', 'blackbox', '--k', '4', '--sets', 'dev,test', '--mode', 'split', '--tries', '2', '--out', out, '--json']);
    const report = JSON.parse(line);
    assert.deepEqual(report.sets.map((s: { set: string }) => s.set), ['dev', 'test']);
    const file: SubsetFile = JSON.parse(readFileSync(join(out, 'blackbox', 'dev.json'), 'utf8'));
    assert.equal(file.mode, 'split');
    assert.deepEqual(file.tasks.map((x) => x.id), report.sets[0].tasks);
    await assert.rejects(runCli(['subsets', 'compute', '--from', 'ref', '--store', storePath, '--k', '4', '--sets', 'dev,', '--out', out]), SpecError);
  });
});
