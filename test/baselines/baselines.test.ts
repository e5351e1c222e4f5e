import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { analyzeExperiment } from '../../analysis/index.js';
import {
  combineWithBaselines, computeBaselines, decodeRuns, encodeRuns, loadBaselines, parseSubsetName, readManifest, reproduceBaselines, sampleRuns, sha256,
  toShippedRun, trialRecords, type BaselineManifest,
} from '../../baselines/index.js';
import { DataMissingError, SpecError, StoreError, UnknownNameError } from '../../core/index.js';
import { openStore } from '../../runner/index.js';
import { SUBSET_FORMAT } from '../../subsets/index.js';
import { cli, tempDir } from '../helpers.js';

const TASKS = ['bbob/2/1/0', 'bbob/2/8/0', 'Pymoo/SO/unconstraint/ackley'];
const SUBSET = 'subset:blackbox/mini';

/** A subset file of three cheap tasks in a directory of its own. */
function writeSubset(dir: string): void {
  mkdirSync(join(dir, 'blackbox'), { recursive: true });
  writeFileSync(join(dir, 'blackbox', 'mini.json'), JSON.stringify({
    format: SUBSET_FORMAT, type: 'blackbox', set: 'mini', k: TASKS.length, mode: 'sequential', discrepancy: 0.5,
    tasks: TASKS.map((id, i) => ({ id, point: [i / 2] })),
    source: { experiment: 'test', optimizers: ['random'], fullSetSize: 3, fullSetDiscrepancy: 0.5, tries: 1, seed: 0, start: 'greedy', sets: ['mini'] },
  }));
}

/** A copy of the mini subset's baselines under `root` with one bit of `label`'s file flipped (at the byte `at` picks). */
function tamperedCopy(from: string, root: string, label: string, at: (bytes: Buffer) => number): string {
  const dir = join(root, 'blackbox', 'mini');
  mkdirSync(dir, { recursive: true });
  const manifest = readFileSync(join(from, 'blackbox', 'mini', 'manifest.json'), 'utf8');
  writeFileSync(join(dir, 'manifest.json'), manifest);
  for (const entry of (JSON.parse(manifest) as BaselineManifest).optimizers) {
    const bytes = readFileSync(join(from, 'blackbox', 'mini', entry.file));
    if (entry.label === label) bytes[at(bytes)] ^= 1;
    writeFileSync(join(dir, entry.file), bytes);
  }
  return root;
}

describe('shipped baselines', () => {
  let root: string;
  let out: string;
  let storePath: string;
  before(async () => {
    root = tempDir({ after: (fn) => process.on('exit', fn) });
    const subsetsDir = join(root, 'subsets');
    writeSubset(subsetsDir);
    out = join(root, 'baselines');
    storePath = join(root, 'store.db');
    const store = await openStore(storePath);
    try {
      await computeBaselines(store, { subset: SUBSET, seeds: [1, 2], optimizers: ['random', 'cmaes'], out, subsetsDir, workers: 0, command: 'test' });
    } finally {
      await store.close();
    }
  });

  it('writes one hashed file per optimizer and a manifest naming options, version, seeds and compute', () => {
    const manifest = readManifest(join(out, 'blackbox', 'mini'), parseSubsetName(SUBSET));
    assert.deepEqual(manifest.tasks, TASKS);
    assert.deepEqual(manifest.optimizers.map((e) => e.label), ['random', 'cmaes']);
    for (const entry of manifest.optimizers) {
      const bytes = readFileSync(join(out, 'blackbox', 'mini', entry.file));
      assert.equal(entry.sha256, sha256(bytes));
      assert.equal(entry.bytes, bytes.length);
      assert.equal(entry.runs, TASKS.length * 2);
      assert.deepEqual(entry.seeds, [1, 2]);
      assert.match(entry.hpoarenaVersion, /^\d+\.\d+\.\d+/);
      assert.ok(entry.runSeconds >= 0);
    }
    assert.ok(Object.keys(manifest.optimizers[1].options).length > 0, "cmaes's resolved options are recorded");
  });

  it('reads back every run bit for bit as the store holds it', async () => {
    const { runs } = loadBaselines(SUBSET, { dir: out });
    const store = await openStore(storePath, { readonly: true });
    try {
      const stored = [];
      for await (const { run, trials } of store.runTrials('baselines-blackbox-mini')) stored.push(toShippedRun(run, trials));
      const key = (r: { optimizerLabel: string; task: string; seed: number }) => `${r.optimizerLabel} ${r.task} ${r.seed}`;
      assert.equal(runs.length, stored.length);
      for (const run of runs) assert.deepEqual(run, stored.find((s) => key(s) === key(run)));
    } finally {
      await store.close();
    }
    assert.deepEqual(decodeRuns(encodeRuns(runs), 'x'), runs);
    assert.ok(encodeRuns(runs).equals(encodeRuns(runs)), 'same runs, same bytes');
  });

  it('ships trials without wall time and task info; loaded back they have a wall time of 0 and no info, every compared field intact', async () => {
    const { runs } = loadBaselines(SUBSET, { dir: out });
    const manifest = readManifest(join(out, 'blackbox', 'mini'), parseSubsetName(SUBSET));
    assert.equal(manifest.format, 'hpoarena-baselines/2');
    assert.ok(runs.every((run) => run.trials.every((trial) => !('wallTime' in trial) && !('info' in trial))));
    const records = trialRecords(runs[0], 7);
    assert.deepEqual(Object.keys(records[0]), ['runId', 'index', 'config', 'fidelity', 'cost', 'status', 'wallTime', 'virtualTime', 'budgetUsed', 'info']);
    assert.ok(records.every((r, i) => r.runId === 7 && r.index === i && r.wallTime === 0 && r.info === null));
    const store = await openStore(storePath, { readonly: true });
    try {
      const stored = await store.trials((await store.listRuns('baselines-blackbox-mini')).find((r) => r.optimizerLabel === runs[0].optimizerLabel && r.task === runs[0].task && r.seed === runs[0].seed)!.id);
      assert.ok(stored.some((t) => t.wallTime > 0), 'the store keeps the measured wall times');
      for (const field of ['config', 'fidelity', 'cost', 'status', 'virtualTime', 'budgetUsed'] as const) assert.deepEqual(records.map((r) => r[field]), stored.map((t) => t[field]), field);
    } finally {
      await store.close();
    }
  });

  it('filters by optimizer and seed, and names a baseline optimizer that is not shipped', () => {
    const { runs } = loadBaselines(SUBSET, { dir: out, optimizers: ['cmaes'], seeds: [2] });
    assert.equal(runs.length, TASKS.length);
    assert.ok(runs.every((r) => r.optimizerLabel === 'cmaes' && r.seed === 2));
    assert.throws(() => loadBaselines(SUBSET, { dir: out, optimizers: ['gp'] }), (e: unknown) => e instanceof UnknownNameError && /gp/.test(e.message) && /random, cmaes/.test(e.message));
  });

  it('re-runs shipped runs identically, trial for trial, with equal rank tables', async () => {
    const result = await reproduceBaselines(SUBSET, { dir: out, workers: 0 });
    assert.equal(result.verdicts.length, TASKS.length * 2 * 2);
    assert.deepEqual(result.verdicts.filter((v) => v.difference), []);
    assert.deepEqual(result.ranks.map((r) => r.optimizer), ['cmaes', 'random']);
    for (const row of result.ranks) assert.equal(row.shipped, row.rerun);
  });

  it('a seeded sample is reproducible and keeps shipped order', () => {
    const { runs } = loadBaselines(SUBSET, { dir: out });
    const a = sampleRuns(runs, 5, 7);
    assert.equal(a.length, 5);
    assert.deepEqual(a, sampleRuns(runs, 5, 7));
    assert.notDeepEqual(a, sampleRuns(runs, 5, 8));
    const positions = a.map((r) => runs.indexOf(r));
    assert.deepEqual(positions, [...positions].sort((x, y) => x - y));
    assert.throws(() => sampleRuns(runs, 0, 0), SpecError);
  });

  it('reports the first differing trial of a run that does not reproduce', async (t) => {
    const copy = join(tempDir(t), 'baselines');
    const dir = join(copy, 'blackbox', 'mini');
    mkdirSync(dir, { recursive: true });
    const manifest = JSON.parse(readFileSync(join(out, 'blackbox', 'mini', 'manifest.json'), 'utf8')) as BaselineManifest;
    const entry = manifest.optimizers[0];
    const runs = decodeRuns(readFileSync(join(out, 'blackbox', 'mini', entry.file)), entry.file);
    const changed = runs.map((run, i) => (i === 1 ? { ...run, trials: run.trials.map((trial, j) => (j === 4 ? { ...trial, cost: (trial.cost as number) + 1e-12 } : trial)) } : run));
    const bytes = encodeRuns(changed);
    writeFileSync(join(dir, entry.file), bytes);
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ ...manifest, optimizers: [{ ...entry, sha256: sha256(bytes), bytes: bytes.length }] }));
    const result = await reproduceBaselines(SUBSET, { dir: copy, workers: 0 });
    const differing = result.verdicts.filter((v) => v.difference);
    assert.equal(differing.length, 1);
    assert.equal(differing[0].run.task, runs[1].task);
    assert.equal(differing[0].run.seed, runs[1].seed);
    assert.equal(differing[0].difference!.trial, 4);
    assert.equal(differing[0].difference!.field, 'cost');
  });

  it('refuses a tampered file (hash mismatch), a missing manifest and a malformed subset name', (t) => {
    const copy = tamperedCopy(out, join(tempDir(t), 'baselines'), 'cmaes', (bytes) => bytes.length - 5);
    assert.throws(() => loadBaselines(SUBSET, { dir: copy }), (e: unknown) => e instanceof StoreError && /cmaes\.jsonl\.br' does not match its manifest/.test(e.message) && /--optimizers cmaes/.test(e.message));
    assert.equal(loadBaselines(SUBSET, { dir: copy, optimizers: ['random'] }).runs.length, TASKS.length * 2, 'an untouched file still loads');
    assert.throws(() => loadBaselines('subset:blackbox/none', { dir: copy }), (e: unknown) => e instanceof DataMissingError && /No baselines ship for 'subset:blackbox\/none'/.test(e.message));
    assert.throws(() => loadBaselines('carps:blackbox/dev', { dir: copy }), SpecError);
    assert.throws(() => loadBaselines('subset:blackbx/dev', { dir: copy }), UnknownNameError);
  });

  it("combines a user's experiment with the baselines of its tasks and seeds into one analysable experiment", async (t) => {
    const path = join(tempDir(t), 'user.db');
    const user = await openStore(path);
    try {
      await user.ensureExperiment('mine', {});
      await user.addRuns('mine', [...TASKS, 'bbob/4/1/0'].map((task) => ({ optimizer: 'sobol', optimizerLabel: 'random', optimizerOptions: {}, task, seed: 1, nTrials: 3 })));
      for (const run of await user.listRuns('mine')) {
        await user.appendTrials([0, 1, 2].map((index) => ({ runId: run.id, index, config: { x0: index, x1: 0 }, fidelity: null, cost: 10 - index, status: 'ok' as const, wallTime: 0, virtualTime: 0, budgetUsed: index + 1, info: null })));
        await user.finishRun(run.id, 'done', 3);
      }
      const combined = await combineWithBaselines(user, 'mine', SUBSET, { dir: out });
      try {
        assert.deepEqual(combined.seeds, [1]);
        assert.deepEqual([...combined.tasks].sort(), [...TASKS].sort());
        assert.deepEqual(combined.baselineLabels, ['baseline:random', 'cmaes']);
        assert.match(combined.notes.join('\n'), /1 of the 4 runs of 'mine' are on tasks or seeds without baselines/);
        const runs = await combined.store.listRuns('mine');
        assert.equal(runs.length, TASKS.length * 3);
        assert.ok(runs.every((r) => r.status === 'done' && r.seed === 1));
        const analysis = await analyzeExperiment(combined.store, 'mine', { bootstrapResamples: 50 });
        const ranked = (analysis.ranks.mean.objects() as Array<{ optimizer: string }>).map((r) => r.optimizer).sort();
        assert.deepEqual(ranked, ['baseline:random', 'cmaes', 'random']);
        assert.ok(analysis.tests.pairwise.some((p) => [p.a, p.b].includes('random') && [p.a, p.b].includes('cmaes')), 'Wilcoxon/Holm against each baseline');
      } finally {
        await combined.dispose();
      }
      assert.equal((await user.listRuns('mine')).length, 4, "the user's store is unchanged");
      await assert.rejects(combineWithBaselines(user, 'nope', SUBSET, { dir: out }), UnknownNameError);
    } finally {
      await user.close();
    }
  });

  it('CLI: report --baselines against a tampered file is one clear error and the user store keeps every run', async (t) => {
    const dir = tempDir(t);
    const copy = tamperedCopy(out, join(dir, 'baselines'), 'random', () => 20);
    const store = join(dir, 'user.db');
    const run = cli(['run', '--optimizers', 'sobol', '--tasks', TASKS.join(','), '--seeds', '1-2', '--experiment', 'mine', '--store', store, '--workers', '0']);
    assert.equal(run.status, 0, run.stderr);
    const report = cli(['report', 'mine', '--baselines', SUBSET, '--baselines-dir', copy, '--store', store, '--out', join(dir, 'report'), '--no-png']);
    assert.equal(report.status, 2);
    assert.match(report.stderr, /^hpoarena: Baseline file '.*random\.jsonl\.br' does not match its manifest: sha256 [0-9a-f]{12}\.\.\., the manifest records/);
    assert.equal(report.stderr.trim().split('\n').length, 1, report.stderr);
    const status = cli(['status', 'mine', '--store', store]);
    assert.match(status.stdout, /sobol/);
    const user = await openStore(store, { readonly: true });
    try {
      assert.equal((await user.listRuns('mine')).filter((r) => r.status === 'done').length, TASKS.length * 2);
    } finally {
      await user.close();
    }
    const ok = cli(['report', 'mine', '--baselines', SUBSET, '--baselines-dir', out, '--store', store, '--out', join(dir, 'report'), '--no-png']);
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stdout, /with the shipped baselines of subset:blackbox\/mini \(random, cmaes\) on 3 tasks, seeds 1,2/);
    assert.match(readFileSync(join(dir, 'report', 'report.html'), 'utf8'), /cmaes/);
  });
});
