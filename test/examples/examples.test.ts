import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { checkTaskCollection } from '../../runner/conformance/index.js';
import { cli, REPO_ROOT, tempDir } from '../helpers.js';

/** The plugins of docs/plugins.md, as a user loads them: the TypeScript ones compiled, the JavaScript one as written. */
const TYPESCRIPT_OPTIMIZER = join(REPO_ROOT, 'dist/examples/optimizer-typescript/localSearch.js');
const JAVASCRIPT_OPTIMIZER = join(REPO_ROOT, 'examples/optimizer-javascript/defaultsFirst.js');
const TASK_COLLECTION = join(REPO_ROOT, 'dist/examples/task-collection/shiftedSphere.js');

for (const [name, plugin, cases] of [
  ['local-search', TYPESCRIPT_OPTIMIZER, 12],
  ['defaults-first', JAVASCRIPT_OPTIMIZER, 15],
] as const) {
  test(`example optimizer '${name}' passes every case of check-optimizer`, () => {
    const result = cli(['check-optimizer', name, '--plugin', plugin]);
    assert.equal(result.status, 0, result.stdout + result.stderr);
    assert.match(result.stdout, new RegExp(`${cases} of ${cases} cases passed`));
  });
}

test('the example task collection keeps the task-collection contract', async () => {
  const { sphereCollection } = await import(TASK_COLLECTION);
  assert.deepEqual(await checkTaskCollection(sphereCollection), ['example/sphere/2', 'example/sphere/4', 'example/sphere/8']);
});

test('the example task collection lists its tasks; unknown ids get one message naming the valid ones', () => {
  const listed = cli(['tasks', 'example/*', '--json', '--plugin', TASK_COLLECTION]);
  assert.equal(listed.status, 0, listed.stderr);
  const tasks = JSON.parse(listed.stdout);
  assert.deepEqual(tasks.map((t: { id: string }) => t.id), ['example/sphere/2', 'example/sphere/4', 'example/sphere/8']);
  assert.deepEqual(tasks[0], { id: 'example/sphere/2', collection: 'example', type: 'blackbox', dimension: 2, nObjectives: 1, nTrials: 77, available: true });
  // The minimum 0 lies at x_i = 1 / (i + 1); a config off it costs its squared distance.
  const evaluated = cli(['evaluate', '--task', 'example/sphere/2', '--plugin', TASK_COLLECTION], { input: '{"x0": 1, "x1": 0.5}\n{"x0": 0, "x1": 0.5}\n' });
  assert.equal(evaluated.status, 0, evaluated.stderr);
  assert.deepEqual(evaluated.stdout.trim().split('\n').map((line) => JSON.parse(line).cost), [0, 1]);
  const unknown = cli(['evaluate', '--task', 'example/sphere/0', '--plugin', TASK_COLLECTION], { input: '{}\n' });
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /Unknown task 'example\/sphere\/0'.*example\/sphere\/2, example\/sphere\/4, example\/sphere\/8/);
});

test('the example plugins run together: both example optimizers on the example tasks, in worker threads, then resume skips them', (t) => {
  const store = join(tempDir(t), 'examples.db');
  const args = [
    'run', '--plugin', TYPESCRIPT_OPTIMIZER, '--plugin', JAVASCRIPT_OPTIMIZER, '--plugin', TASK_COLLECTION,
    '--optimizers', 'local-search:n_init=4', 'defaults-first', 'random', '--tasks', 'example/sphere/2', 'example/sphere/4',
    '--seeds', '1-2', '--n-trials', '12', '--workers', '2', '--experiment', 'examples', '--store', store,
  ];
  const run = cli(args);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /12 runs planned, 0 already done, 12 finished now, 0 failed/);
  const rows = cli(['export', 'examples', '--store', store, '--format', 'jsonl']).stdout.trim().split('\n').map((line) => JSON.parse(line));
  assert.equal(rows.length, 12 * 12);
  const first = rows.find((r) => r.optimizer === 'defaults-first' && r.task === 'example/sphere/4' && r.trial === 0);
  assert.deepEqual(first.config, { x0: 0, x1: 0, x2: 0, x3: 0 }, 'defaults-first starts at the default config');
  assert.ok(rows.every((r) => r.status === 'ok' && Number.isFinite(r.cost)));
  const again = cli(args);
  assert.equal(again.status, 0, again.stderr);
  assert.match(again.stdout, /12 runs planned, 12 already done, 0 finished now/);
});

test('docs/plugins.md shows the example files as they are', () => {
  const doc = readFileSync(join(REPO_ROOT, 'docs/plugins.md'), 'utf8');
  const blocks = [...doc.matchAll(/^```(?:ts|js) (examples\/\S+)\n([\s\S]*?)^```$/gm)];
  assert.deepEqual(blocks.map((b) => b[1]), ['examples/optimizer-typescript/localSearch.ts', 'examples/optimizer-javascript/defaultsFirst.js', 'examples/task-collection/shiftedSphere.ts']);
  for (const [, path, code] of blocks) assert.equal(code, readFileSync(join(REPO_ROOT, path), 'utf8'), `${path} differs from its copy in docs/plugins.md`);
});
