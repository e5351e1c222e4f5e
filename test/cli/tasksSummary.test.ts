import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempDir } from '../helpers.js';

const NO_DATA = '/nonexistent/hpoarena-data';
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

test("tasks --summary: runnable here per collection and type, and CARP-S's ids covered, waiting for data, unsupported", () => {
  const text = cli(['tasks', '--summary', '--data-dir', NO_DATA]);
  assert.equal(text.status, 0, text.stderr);
  assert.match(text.stdout, /yahpo\s+multi-fidelity\s+1685\s+0\n/);
  assert.match(text.stdout, /bbob_vizier\s+blackbox\s+24\s+24\n/);
  // CARP-S's 3,044 listed ids and hpoarena's own 42 tfjs tasks, all runnable (tfjs's cpu backend always loads).
  assert.match(text.stdout, /3086 tasks, 471 runnable here/);
  assert.match(text.stdout, /CARP-S's 5358 task ids: 3044 listed \(429 runnable here, 2615 need a data download\), 2314 in collections hpoarena does not support\./);
  assert.match(text.stdout, /YAHPO\s+2615\s+yahpo\s+0\s+2615\s+hpoarena data fetch yahpo/);
  for (const name of ['HPO-B', 'HPOBench', 'MFPBench PD1']) assert.match(text.stdout, new RegExp(`${name}\\s+\\d+\\s+-.*not supported: `));

  const json = JSON.parse(cli(['tasks', '--summary', '--json', '--data-dir', NO_DATA]).stdout);
  assert.deepEqual(json.tasks.find((r: { collection: string; type: string }) => r.collection === 'yahpo' && r.type === 'blackbox'), { collection: 'yahpo', type: 'blackbox', count: 872, runnable: 0 });
  assert.deepEqual([json.carps.ids, json.carps.listed, json.carps.runnable, json.carps.needData, json.carps.unsupported], [5358, 3044, 429, 2615, 2314]);

  // A filtered summary counts only what it shows, so it leaves CARP-S's catalogue out.
  const filtered = JSON.parse(cli(['tasks', '--summary', '--json', '--collection', 'bbob_vizier']).stdout);
  assert.deepEqual(filtered, { tasks: [{ collection: 'bbob_vizier', type: 'blackbox', count: 24, runnable: 24 }] });
});

test('tasks lists a YAHPO task without its surrogate as not runnable, and run refuses it with one message, the store untouched', (t) => {
  const listed = JSON.parse(cli(['tasks', '*nb301*', '--json', '--data-dir', NO_DATA]).stdout);
  assert.deepEqual(listed.map((task: { id: string }) => task.id), ['yahpo/nb301/CIFAR10/None', 'yahpo/nb301/CIFAR10/epoch', 'yahpo/so/nb301/CIFAR10/None', 'yahpo/multifidelity/so/epoch/nb301/CIFAR10/epoch']);
  assert.ok(listed.every((task: { available: boolean }) => !task.available));

  const text = cli(['tasks', 'yahpo/*/3/None', '--data-dir', NO_DATA]).stdout;
  assert.match(text, /yahpo\/rbv2_svm\/3\/None\s+blackbox\s+6\s+1\s+118\s+no \[3\]\n/);
  assert.match(text, /\n\[3\] YAHPO data for 'rbv2_svm' is missing \(config_space\.json, encoding\.json, model\.onnx not in .*\)\. Run 'hpoarena data fetch yahpo /);
  assert.equal(text.match(/^\[\d+\] /gm)?.length, 7, 'one numbered reason per scenario, not per task');

  const store = join(tempDir(t), 'kept.db');
  assert.equal(cli(['run', '--optimizers', 'random', '--tasks', 'bbob_vizier/20/1/0', '--n-trials', '3', '--workers', '0', '--store', store]).status, 0);
  const before = sha(store);
  const result = cli(['run', '--optimizers', 'random', '--tasks', 'yahpo/nb301/CIFAR10/None', '--store', store, '--data-dir', NO_DATA]);
  assert.equal(result.status, 2, result.stderr);
  assert.match(result.stderr, /Task 'yahpo\/nb301\/CIFAR10\/None' is unavailable: YAHPO data for 'nb301' is missing \(.*model\.onnx not in .*\)\. Run 'hpoarena data fetch yahpo --data-dir [^']+' \(or set HPOARENA_DATA_DIR \/ --data-dir to where yahpo_data v1\.0\.2 lies\)\.\n$/);
  assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
  assert.equal(sha(store), before, 'the store is untouched');
  const status = JSON.parse(cli(['status', 'default', '--store', store, '--json']).stdout);
  assert.equal(status.optimizers.random.done, 1);
});
