import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { Rng, SearchSpace, type Config } from '../../core/index.js';
import { findPythonSync } from '../../optimizers/external/index.js';
import { conformanceSpaces } from '../../runner/conformance/index.js';
import { REPO_ROOT } from '../helpers.js';
import { need, skipUnless } from './requirements.js';

const python = findPythonSync([]);

/** Spaces whose conditions and forbiddens exercise every clause type of the helper. */
function spaces(): Array<{ name: string; space: SearchSpace }> {
  const extra = new SearchSpace({
    hyperparameters: [
      { name: 'size', type: 'ordinal', sequence: ['s', 'm', 'l', 'xl'], default: 'm' },
      { name: 'flag', type: 'categorical', choices: [true, false, 1], default: true },
      { name: 'rate', type: 'float', lower: 1e-4, upper: 1, log: true, default: 0.01 },
      { name: 'steps', type: 'int', lower: 0, upper: 100, log: false, default: 10, q: 5 },
      { name: 'big', type: 'float', lower: 0, upper: 1, log: false, default: 0.5 },
      { name: 'either', type: 'int', lower: 1, upper: 9, log: false, default: 3 },
      { name: 'tag', type: 'constant', value: 'v1' },
    ],
    conditions: [
      { child: 'big', clause: { type: 'GT', parent: 'size', value: 'm' } },
      { child: 'either', clause: { type: 'OR', clauses: [{ type: 'LT', parent: 'rate', value: 0.01 }, { type: 'EQ', parent: 'flag', value: 1 }] } },
      { child: 'tag', clause: { type: 'NEQ', parent: 'flag', value: true } },
    ],
    forbiddens: [
      { type: 'AND', clauses: [{ type: 'EQUALS', name: 'size', value: 'xl' }, { type: 'EQUALS', name: 'flag', value: false }] },
      { type: 'GREATER', left: 'either', right: 'steps' },
    ],
  });
  return [...conformanceSpaces().filter((s) => s.name !== '50d'), { name: 'ordinal-or-relations', space: extra }];
}

function probe(space: object, configs: Config[], n: number): { sampled: Config[]; problems: Array<string | null>; active: string[][]; repaired: Config[] } {
  const result = spawnSync(need(python, 'python3'), [join(REPO_ROOT, 'test/external/fixtures/space_probe.py')], {
    input: JSON.stringify({ space, configs, n, seed: 3 }),
    encoding: 'utf8',
    env: { ...process.env, PYTHONPATH: join(REPO_ROOT, 'optimizers/external'), PYTHONDONTWRITEBYTECODE: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout);
}

for (const { name, space } of spaces()) {
  for (const format of ['v1', 'legacy'] as const) {
    test(`the Python helper reads space '${name}' (${format} ConfigSpace JSON) as hpoarena does`, { skip: skipUnless(python, 'python3') }, () => {
      const rng = new Rng(11);
      const ours = Array.from({ length: 150 }, () => space.sample(rng));
      // Configs with a forbidden or inactive value set too: the helper must say what is wrong.
      const broken = ours.slice(0, 20).map((c) => ({ ...c, [space.names[0]]: '???' }));
      const result = probe(space.toConfigSpaceJson(format), [...ours, ...broken], 150);
      for (const config of result.sampled) space.validate(config);
      result.problems.slice(0, ours.length).forEach((p, i) => assert.equal(p, null, `helper rejects ${JSON.stringify(ours[i])}: ${p}`));
      result.problems.slice(ours.length).forEach((p, i) => assert.notEqual(p, null, `helper accepts ${JSON.stringify(broken[i])}`));
      result.active.slice(0, ours.length).forEach((names, i) => assert.deepEqual(names, space.activeNames(ours[i])));
      result.repaired.slice(0, ours.length).forEach((c, i) => assert.deepEqual(c, ours[i], 'a valid config needs no repair'));
    });
  }
}

test('the helper repairs forbidden configs into valid ones, keeping the parameters no clause names', { skip: skipUnless(python, 'python3') }, () => {
  const space = conformanceSpaces().find((s) => s.name === 'forbidden')!.space;
  const configs: Config[] = [
    { a: 'x', b: 1, lo: 0.2, hi: 0.9 },
    { a: 'z', b: 3, lo: 0.1, hi: 0.3 },
    { a: 'y', b: 0, lo: 0.8, hi: 0.1 },
  ];
  const { repaired, problems } = probe(space.toConfigSpaceJson(), configs, 0);
  assert.ok(problems.every((p) => p !== null && /forbidden/.test(p)));
  for (const config of repaired) space.validate(config);
  assert.deepEqual([repaired[0].lo, repaired[0].hi, repaired[0].b], [0.2, 0.9, 1]);
  assert.deepEqual([repaired[2].a, repaired[2].b], ['y', 0]);
});
