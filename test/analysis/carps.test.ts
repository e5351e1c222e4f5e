import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet';
import { parquetWriteFile } from 'hyparquet-writer';
import {
  analyzeExperiment, exportParquet, formatPythonLiteral, importCarps, parseJsonLenient, parsePythonLiteral, PARQUET_COLUMNS, readCarps,
} from '../../analysis/index.js';
import { importCarpsCommand } from '../../cli/commands/importCarps.js';
import { openSqliteStore, runExperiment } from '../../runner/index.js';
import { tempDir } from '../helpers.js';
import { handStore } from './fixtures/handStore.js';
import { runCommand } from './fixtures/runCommand.js';

const ACKLEY = 'Pymoo/SO/unconstraint/ackley';
const ZDT1 = 'Pymoo/MO/unconstraint/zdt1';

async function readParquet(file: string): Promise<Array<Record<string, any>>> {
  return (await parquetReadObjects({ file: await asyncBufferFromFile(file) })) as Array<Record<string, any>>;
}

test('Python literals: written as CARP-S writes them, read back', () => {
  assert.equal(formatPythonLiteral([0.5, 'a\'b', true, null, NaN, -Infinity, 3]), "[0.5, 'a\\'b', True, None, nan, -inf, 3]");
  assert.equal(formatPythonLiteral({ x: 1 }), "{'x': 1}");
  assert.deepEqual(parsePythonLiteral("[0.5, 'a\\'b', True, None, -inf, 3, (1, 2), {'k': \"v\"}]"), [0.5, "a'b", true, null, -Infinity, 3, [1, 2], { k: 'v' }]);
  assert.ok(Number.isNaN(parsePythonLiteral('nan')));
  assert.equal(parsePythonLiteral('1e-05'), 1e-5);
  assert.throws(() => parsePythonLiteral('__import__("os")'), /Cannot read Python literal/);
  assert.deepEqual(parseJsonLenient('{"cost": Infinity, "s": "NaN Infinity", "v": [NaN, -Infinity]}'), { cost: null, s: 'NaN Infinity', v: [null, null] });
});

test('exportParquet: CARP-S logs.parquet columns and values', async (t) => {
  const dir = tempDir(t);
  const store = handStore(dir, 'exp', [
    { optimizer: 'A', task: ACKLEY, seed: 3, costs: [4, null, 2, 3] },
    { optimizer: 'A', task: ZDT1, seed: 1, costs: [[1, 4], [2, 2]] },
    { optimizer: 'B', task: 'mfpbench/SO/mfh/mfh3_good', seed: 1, costs: [5, 1], fidelities: [25, 100], maxFidelity: 100, nTrials: 2 },
  ]);
  t.after(() => store.close());
  const file = join(dir, 'logs.parquet');
  assert.equal(await exportParquet(store, 'exp', file), 8);
  const rows = await readParquet(file);
  assert.deepEqual(Object.keys(rows[0]), [...PARQUET_COLUMNS]);
  const ackley = rows.filter((r) => r.task_id === ACKLEY);
  assert.deepEqual(ackley.map((r) => r.n_trials), [1, 2, 3, 4]);
  assert.deepEqual(ackley.map((r) => Number(r.n_function_calls)), [1, 2, 3, 4]);
  assert.deepEqual(ackley.map((r) => r.trial_value__cost), [4, null, 2, 3]);
  assert.deepEqual(ackley.map((r) => r.trial_value__cost_inc), [4, 4, 2, 2]);
  assert.deepEqual(ackley.map((r) => Number(r.trial_value__status)), [1, 2, 1, 1]);
  assert.deepEqual(ackley.map((r) => r.trial_info__config), ['[0]', '[0.1]', '[0.2]', '[0.3]']);
  assert.equal(ackley[0].benchmark_id, 'Pymoo');
  assert.equal(ackley[0].task_type, 'blackbox');
  assert.equal(Number(ackley[0].seed), 3);
  assert.equal(ackley[0].optimizer_id, 'A');
  assert.equal(ackley[0]['task.optimization_resources.n_trials'], 4);
  // n_trials_norm per task as CARP-S: (n - min) / (max - min + 1e-8).
  assert.ok(Math.abs(ackley[3].n_trials_norm - 3 / (3 + 1e-8)) < 1e-12);
  assert.ok(Math.abs(ackley[2].trial_value__cost_norm - 0) < 1e-12);
  const zdt = rows.filter((r) => r.task_id === ZDT1);
  assert.deepEqual(zdt.map((r) => r.trial_value__cost), [5, 4]); // summed, as CARP-S's maybe_convert_cost_to_so
  assert.deepEqual(zdt.map((r) => r.trial_value__cost_raw), ['[1, 4]', '[2, 2]']);
  assert.equal(zdt[0].task_type, 'multi-objective');
  assert.equal(ackley[0].trial_value__cost_raw, '4');
  const mf = rows.filter((r) => r.optimizer_id === 'B');
  assert.deepEqual(mf.map((r) => r.trial_info__budget), [25, 100]);
  assert.deepEqual(mf.map((r) => r.trial_info__normalized_budget), [0.25, 1]);
  assert.deepEqual(mf.map((r) => r.n_trials), [0.25, 1.25]);
  assert.equal(mf[0].task_type, 'multi-fidelity');
  assert.equal(mf[0].benchmark_id, 'MFPBench');
  assert.deepEqual(JSON.parse(mf[0].hpoarena_config), { x: 0 });
});

test('export then import: the imported experiment analyses the same', async (t) => {
  const dir = tempDir(t);
  const source = handStore(dir, 'orig', [
    { optimizer: 'A', task: ACKLEY, seed: 1, costs: [4, 3, null, 1] },
    { optimizer: 'B', task: ACKLEY, seed: 1, costs: [2, 2, 2, 2] },
    { optimizer: 'A', task: ZDT1, seed: 1, costs: [[1, 4], [2, 2], [4, 1]] },
    { optimizer: 'B', task: ZDT1, seed: 1, costs: [[3, 3], [1, 5], null] },
  ], 'orig.db');
  t.after(() => source.close());
  const file = join(dir, 'logs.parquet');
  await exportParquet(source, 'orig', file);
  const target = openSqliteStore(join(dir, 'target.db'));
  t.after(() => target.close());
  const summary = await importCarps(target, file, 'copy');
  assert.deepEqual({ ...summary }, { experiment: 'copy', imported: 4, skipped: 0, trials: 14, optimizers: ['A', 'B'], tasks: [ZDT1, ACKLEY].sort() });
  const runs = target.listRuns('copy');
  assert.ok(runs.every((r) => r.status === 'done' && r.optimizer === `carps:${r.optimizerLabel}`));
  const a = await analyzeExperiment(source, 'orig', { bootstrapResamples: 20 });
  const b = await analyzeExperiment(target, 'copy', { bootstrapResamples: 20 });
  assert.deepEqual(b.final.objects(), a.final.objects());
  assert.deepEqual(target.trials(runs[0].id).map((x) => x.config), source.trials(source.listRuns('orig')[0].id).map((x) => x.config));
  const again = await importCarps(target, file, 'copy');
  assert.equal(again.imported, 0);
  assert.equal(again.skipped, 4);
});

/** A CARP-S run folder as the file logger and hydra leave it. */
function carpsRun(root: string, optimizer: string, task: string, seed: number, lines: object[], withConfig: boolean, names = ['x0', 'x1']): void {
  const dir = join(root, optimizer, task.split('/')[0], ...task.split('/'), String(seed));
  mkdirSync(join(dir, '.hydra'), { recursive: true });
  writeFileSync(join(dir, 'trial_logs.jsonl'), lines.map((l) => JSON.stringify(l).replace('"__INF__"', 'Infinity')).join('\n') + '\n');
  if (withConfig) {
    writeFileSync(join(dir, '.hydra', 'config.yaml'), [
      `seed: ${seed}`, `benchmark_id: ${task.split('/')[0]}`, `task_id: ${task}`, 'task:', `  name: ${task}`, '  seed: ${seed}', '  input_space:',
      '    configuration_space:', '      d:', '        hyperparameters:', ...names.flatMap((n) => [`        - type: uniform_float`, `          name: ${n}`]),
      '  optimization_resources:', '    n_trials: 5', `optimizer_id: ${optimizer}`, 'optimizer_container_id: X', 'outdir: runs/${optimizer_id}',
    ].join('\n'));
  }
}

function line(n: number, config: unknown[], cost: unknown, status = 1, budget: number | null = null) {
  return {
    n_trials: n, n_function_calls: Math.ceil(n),
    trial_info: { config, instance: null, seed: null, budget, normalized_budget: null, name: null, checkpoint: null },
    trial_value: { cost, time: 0.5, virtual_time: 2.0, status, starttime: 1700000000.0, endtime: 1700000000.5, additional_info: {} },
  };
}

test('import-carps: trial_logs.jsonl run folders (hydra config or folder layout), then ranked next to new runs', async (t) => {
  const dir = tempDir(t);
  const runs = join(dir, 'runs');
  carpsRun(runs, 'RandomSearch', ACKLEY, 1, [line(1, [0.5, -1.25], 3.2), line(2, [1, 2], '__INF__', 2), line(3, [0, 0], 0.5), line(4, [1, 1], 0.4), line(5, [2, 2], 0.9)], true);
  carpsRun(runs, 'RandomSearch', ACKLEY, 2, [line(1, [0.1, 0.2], 1.5), line(2, [0.3, 0.4], 1.1)], false);
  carpsRun(runs, 'NSGA2', ZDT1, 1, [line(1, [0.1, 0.2], [0.1, 3.0]), line(2, [0.3, 0.4], [0.5, 1.0])], true);
  const read = await readCarps(runs);
  assert.equal(read.length, 3);
  const first = read.find((r) => r.seed === 1 && r.task === ACKLEY)!;
  assert.equal(first.optimizer, 'RandomSearch');
  assert.equal(first.nTrials, 5);
  assert.deepEqual(first.trials[0].config, { x0: 0.5, x1: -1.25 });
  assert.deepEqual(first.trials[1], { config: { x0: 1, x1: 2 }, fidelity: null, cost: null, status: 'crashed', wallTime: 0.5, virtualTime: 2, budgetUsed: 2 });
  const inferred = read.find((r) => r.seed === 2)!;
  assert.equal(inferred.task, ACKLEY, 'task id from the {optimizer}/{benchmark}/{task}/{seed} layout');
  assert.deepEqual(inferred.trials[0].config, { x0: 0.1, x1: 0.2 });
  assert.deepEqual(read.find((r) => r.task === ZDT1)!.trials[1].cost, [0.5, 1.0]);

  const db = join(dir, 'store.db');
  const printed = await runCommand(importCarpsCommand, ['import-carps', runs, '--store', db, '--experiment', 'mix']);
  assert.match(printed, /imported 3 runs \(9 trials\)/);
  const store = openSqliteStore(db);
  t.after(() => store.close());
  await runExperiment(store, { experiment: 'mix', optimizers: [{ name: 'random', label: 'random', options: {} }], tasks: [ACKLEY], seeds: [1, 2], nTrials: 5 }, { workers: 0 });
  const analysis = await analyzeExperiment(store, 'mix', { tasks: [ACKLEY], bootstrapResamples: 20 });
  assert.deepEqual(analysis.ranked, ['RandomSearch', 'random']);
  assert.equal(analysis.completeTasks.length, 1);
  const again = await runCommand(importCarpsCommand, ['import-carps', runs, '--store', db, '--experiment', 'mix']);
  assert.match(again, /imported 0 runs \(0 trials\), 3 already there/);
  await assert.rejects(runCommand(importCarpsCommand, ['import-carps', join(dir, 'nothing'), '--store', db]), /No such file or directory/);
});

test('import-carps: a CARP-S logs.parquet as gather_data.py writes it', async (t) => {
  const dir = tempDir(t);
  const file = join(dir, 'logs.parquet');
  // Columns as CARP-S's process_logs leaves them: costs summed, the vector kept as a string in cost_raw.
  const rows = [
    { experiment_id: 0, optimizer_id: 'SMAC3', task_id: ZDT1, seed: 1, n_trials: 1, n_function_calls: 1, trial_info__config: '[0.5, 0.25]', trial_value__cost: 3.1, trial_value__cost_raw: '[0.1, 3.0]', trial_value__status: 1 },
    { experiment_id: 0, optimizer_id: 'SMAC3', task_id: ZDT1, seed: 1, n_trials: 2, n_function_calls: 2, trial_info__config: '[0.1, 0.9]', trial_value__cost: 1.5, trial_value__cost_raw: '[0.5, 1.0]', trial_value__status: 1 },
    { experiment_id: 1, optimizer_id: 'SMAC3', task_id: ZDT1, seed: 2, n_trials: 1, n_function_calls: 1, trial_info__config: '[0.3, 0.3]', trial_value__cost: 2.0, trial_value__cost_raw: '[1.0, 1.0]', trial_value__status: 2 },
  ];
  const columns = Object.keys(rows[0]) as (keyof (typeof rows)[0])[];
  parquetWriteFile({
    filename: file,
    columnData: columns.map((name) => {
      const type = typeof rows[0][name] === 'string' ? 'STRING' : name === 'n_trials' || name === 'trial_value__cost' ? 'DOUBLE' : 'INT64';
      return { name, type, data: rows.map((r) => (type === 'INT64' ? BigInt(r[name]) : r[name])) as never };
    }),
  });
  const read = await readCarps(file);
  assert.deepEqual(read.map((r) => [r.optimizer, r.task, r.seed, r.nTrials, r.trials.length]), [['SMAC3', ZDT1, 1, 2, 2], ['SMAC3', ZDT1, 2, 1, 1]]);
  assert.deepEqual(read[0].trials[1], { config: { x0: 0.1, x1: 0.9 }, fidelity: null, cost: [0.5, 1.0], status: 'ok', wallTime: 0, virtualTime: 0, budgetUsed: 2 });
  assert.equal(read[1].trials[0].status, 'crashed');
  const store = openSqliteStore(join(dir, 'store.db'));
  t.after(() => store.close());
  const summary = await importCarps(store, file, 'published');
  assert.equal(summary.imported, 2);
  const analysis = await analyzeExperiment(store, 'published', { bootstrapResamples: 20 });
  assert.equal(analysis.missingSummary.noSuccess, 1, 'the all-crashed run is counted, not dropped');
});
