import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { reportCommand } from '../../cli/commands/report.js';
import { openSqliteStore, runExperiment } from '../../runner/index.js';
import { buildReportStore } from '../fixtures/reportExperiments.js';
import { tempDir } from '../helpers.js';
import { runCommand } from './fixtures/runCommand.js';

test('hpoarena report: end to end on a small random-search experiment', async (t) => {
  const dir = tempDir(t);
  const db = join(dir, 'store.db');
  const store = openSqliteStore(db);
  await runExperiment(store, {
    experiment: 'cli', optimizers: [{ name: 'random', label: 'random', options: {} }, { name: 'random', label: 'random-again', options: {} }],
    tasks: ['Pymoo/SO/unconstraint/sphere', 'Pymoo/SO/unconstraint/ackley', 'Pymoo/SO/unconstraint/rosenbrock'], seeds: [1, 2, 3], nTrials: 15,
  }, { workers: 0 });
  store.close();
  const out = join(dir, 'report');
  const printed = await runCommand(reportCommand, ['report', 'cli', '--store', db, '--out', out, '--tasks', 'Pymoo/SO/*', '--normalization', 'regret', '--log', '--no-png']);
  assert.match(printed, /18 of 18 runs analysed on 3 of 3 tasks/);
  assert.match(printed, /random-again/);
  assert.match(printed, /wrote .*report\.html/);
  assert.ok(existsSync(join(out, 'report.html')));
  assert.ok(existsSync(join(out, 'figures', 'anytime.svg')) && !existsSync(join(out, 'figures', 'anytime.png')));
  assert.match(readFileSync(join(out, 'tables', 'ranks.md'), 'utf8'), /log10 normalized regret/);
  // Same seeds, same optimizer: every task is a tie, so both share rank 1.5.
  assert.match(readFileSync(join(out, 'tables', 'ranks.csv'), 'utf8'), /random,1\.5,1\.5,1\.5,3/);
  await assert.rejects(runCommand(reportCommand, ['report', 'nope', '--store', db, '--out', out]), /Unknown experiment .*'nope'/);
  await assert.rejects(runCommand(reportCommand, ['report', 'cli', '--store', db, '--out', out, '--normalization', 'baseline']), /needs --baseline NAME/);
  await assert.rejects(runCommand(reportCommand, ['report', 'cli', '--store', db, '--normalization', 'median']), /Invalid values|Choices/);
  // Pymoo's synthetic tasks report no virtual time: no simulated clock to draw against.
  await assert.rejects(runCommand(reportCommand, ['report', 'cli', '--store', db, '--out', out, '--axis', 'time']), /--axis time needs simulated time.*--axis budget/);
  await assert.rejects(runCommand(reportCommand, ['report', 'cli', '--store', db, '--axis', 'clock']), /Invalid values|Choices/);
});

test('hpoarena report --axis time: curves over simulated time, and the report says so', async (t) => {
  const dir = tempDir(t);
  const db = join(dir, 'store.db');
  buildReportStore(db).close();
  const out = join(dir, 'report');
  const printed = await runCommand(reportCommand, ['report', 'mf', '--store', db, '--out', out, '--axis', 'time', '--no-png']);
  assert.match(printed, /on 3 of 3 tasks \(x axis: simulated time\)/);
  assert.match(readFileSync(join(out, 'report.html'), 'utf8'), /x axis: simulated time/);
  assert.match(readFileSync(join(out, 'figures', 'anytime.svg'), 'utf8'), /simulated time/);
});
