import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { cli, REPO_ROOT, tempDir } from '../helpers.js';

const TSC = join(REPO_ROOT, 'node_modules/typescript/bin/tsc');

/**
 * A scratch package outside the repository that depends on hpoarena the way `npm install
 * file:<repo>` links it (node_modules/hpoarena -> the package folder): it sees only what
 * package.json `exports` exposes, with the emitted .d.ts types.
 */
function scratchPackage(t: { after(fn: () => void): void }): string {
  const dir = tempDir(t);
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(REPO_ROOT, join(dir, 'node_modules/hpoarena'), 'dir');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'scratch', type: 'module', private: true }));
  return dir;
}

function node(dir: string, file: string): ReturnType<typeof spawnSync> {
  return spawnSync(process.execPath, [file], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
}

function typecheck(dir: string, file: string, nodeTypes = false): { status: number | null; output: string } {
  // Without `nodeTypes`: a user needs no @types/node to compile against hpoarena's declarations.
  const types = nodeTypes ? { types: ['node'], typeRoots: [join(REPO_ROOT, 'node_modules/@types')] } : { types: [] };
  const tsconfig = { compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: true, ...types }, files: [file] };
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig));
  const result = spawnSync(process.execPath, [TSC, '-p', join(dir, 'tsconfig.json')], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
  return { status: result.status, output: result.stdout + result.stderr };
}

test("import from 'hpoarena' in another package: register an optimizer, check it, run it, export and analyse the runs", async (t) => {
  const dir = scratchPackage(t);
  writeFileSync(join(dir, 'main.mjs'), `
    import * as hpoarena from 'hpoarena';
    const { IncumbentTracker, Rng, registerOptimizer, runConformanceSuite, openStore, runExperiment, exportTrials, analyzeExperiment } = hpoarena;
    const factory = {
      name: 'scratch-random', description: 'random search', supports: ['blackbox'], options: {},
      create(view, seed) {
        const rng = new Rng(seed);
        const best = new IncumbentTracker();
        return { ask: () => ({ config: view.space.sample(rng) }), tell: (i, v) => best.observe(i, v), incumbent: () => best.get() };
      },
    };
    registerOptimizer(factory);
    const cases = await runConformanceSuite(factory, {}, undefined, (c) => c.label.includes('conditional'));
    const store = await openStore(process.argv[2] ?? 'scratch.db');
    const spec = { experiment: 'scratch', optimizers: [{ name: 'scratch-random', label: 'scratch-random', options: {} }, { name: 'random', label: 'random', options: {} }], tasks: ['bbob/2/1/0'], seeds: [1, 2], nTrials: 6 };
    const outcome = await runExperiment(store, spec, { workers: 0 });
    let csv = '';
    for await (const line of exportTrials(store, 'scratch', 'csv')) csv += line;
    const analysis = await analyzeExperiment(store, 'scratch');
    await store.close();
    console.log(JSON.stringify({
      exports: Object.keys(hpoarena).sort(),
      cases: cases.map((c) => [c.label, c.passed]),
      finished: outcome.outcomes.filter((o) => o.status === 'done').length,
      csvLines: csv.trim().split('\\n').length,
      ranked: analysis.ranked,
    }));
  `);
  const result = node(dir, 'main.mjs');
  assert.equal(result.status, 0, String(result.stderr));
  const out = JSON.parse(String(result.stdout));
  assert.deepEqual(out.cases, [["space 'conditional'", true]]);
  assert.equal(out.finished, 4);
  assert.equal(out.csvLines, 1 + 4 * 6);
  assert.deepEqual(out.ranked, ['random', 'scratch-random']);
  for (const name of ['SearchSpace', 'registerOptimizer', 'registerTaskCollection', 'createTask', 'runExperiment', 'runLoop', 'runConformanceSuite', 'analyzeExperiment', 'writeReport', 'hypervolume', 'Rng']) {
    assert.ok(out.exports.includes(name), `'${name}' is exported`);
  }
  // A deliberate surface: internals stay behind `exports`.
  for (const deep of ['hpoarena/dist/runner/runLoop.js', 'hpoarena/dist/core/index.js']) {
    writeFileSync(join(dir, 'deep.mjs'), `import '${deep}';`);
    assert.match(String(node(dir, 'deep.mjs').stderr), /ERR_PACKAGE_PATH_NOT_EXPORTED/, deep);
  }
});

test("TypeScript users get the declarations: a plugin type-checks against 'hpoarena', a wrong one does not", (t) => {
  const dir = scratchPackage(t);
  writeFileSync(join(dir, 'plugin.ts'), `
    import { IncumbentTracker, Rng, SearchSpace, registerOptimizer, type OptimizerFactory, type TaskView, type TrialInfo, type TrialValue } from 'hpoarena';
    const factory: OptimizerFactory = {
      name: 'typed', description: 'typed plugin', supports: ['blackbox', 'multi-objective'], options: { n: { type: 'integer', default: 3, description: 'n' } },
      create(view: TaskView, seed: number) {
        const rng = new Rng(seed);
        const best = new IncumbentTracker();
        return {
          ask: (): TrialInfo => ({ config: view.space.sample(rng) }),
          tell: (info: TrialInfo, value: TrialValue) => best.observe(info, value),
          incumbent: () => best.get(),
        };
      },
    };
    registerOptimizer(factory);
    export const space: number = new SearchSpace({ hyperparameters: [{ name: 'x', type: 'float', lower: 0, upper: 1, log: false, default: 0.5 }] }).dimension;
  `);
  const good = typecheck(dir, 'plugin.ts');
  assert.equal(good.status, 0, good.output);
  writeFileSync(join(dir, 'wrong.ts'), `
    import type { OptimizerFactory } from 'hpoarena';
    export const factory: OptimizerFactory = { name: 1, description: 'd', supports: ['sideways'], options: {}, create: () => ({ ask: () => ({}), tell: () => {}, incumbent: () => [] }) };
  `);
  const wrong = typecheck(dir, 'wrong.ts');
  assert.notEqual(wrong.status, 0);
  assert.match(wrong.output, /Type 'number' is not assignable to type 'string'/);
  assert.match(wrong.output, /'"sideways"' is not assignable to type 'TaskType'/);
  assert.match(wrong.output, /not assignable to type 'Promise<TrialInfo> \| TrialInfo'/);
});

test("the example plugins work from a user's own package: the TypeScript ones compile there, the JavaScript one registers with the CLI", (t) => {
  const dir = scratchPackage(t);
  for (const file of ['optimizer-typescript/localSearch.ts', 'task-collection/shiftedSphere.ts']) {
    const name = file.split('/')[1];
    copyFileSync(join(REPO_ROOT, 'examples', file), join(dir, name));
    const result = typecheck(dir, name);
    assert.equal(result.status, 0, `${file}: ${result.output}`);
  }
  copyFileSync(join(REPO_ROOT, 'examples/optimizer-javascript/defaultsFirst.js'), join(dir, 'defaultsFirst.js'));
  const check = cli(['check-optimizer', 'defaults-first', '--plugin', join(dir, 'defaultsFirst.js'), '--case', "'conditional'"]);
  assert.equal(check.status, 0, check.stdout + check.stderr);
  assert.match(check.stdout, /1 of 1 cases passed/);
});

test('the examples of docs/api.md type-check against the package', (t) => {
  const dir = scratchPackage(t);
  const doc = readFileSync(join(REPO_ROOT, 'docs/api.md'), 'utf8');
  const blocks = [...doc.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((b) => b[1]);
  assert.ok(blocks.length >= 3, `docs/api.md has ${blocks.length} TypeScript examples`);
  blocks.forEach((code, i) => {
    // Each block as its own module (`export {}` makes a bare import line a module too).
    writeFileSync(join(dir, `example${i}.ts`), `${code}\nexport {};\n`);
    const result = typecheck(dir, `example${i}.ts`, true);
    assert.equal(result.status, 0, `docs/api.md example ${i + 1}:\n${code}\n${result.output}`);
  });
});

test('npm pack ships the entry module, its declarations, the CLI, the workers and the Python helpers, and no tests', () => {
  const result = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 120_000 });
  assert.equal(result.status, 0, result.stderr);
  const files = new Set<string>(JSON.parse(result.stdout)[0].files.map((f: { path: string }) => f.path));
  for (const path of [
    'package.json', 'README.md', 'dist/index.js', 'dist/index.d.ts', 'dist/cli/main.js', 'dist/runner/workerEntry.cjs', 'dist/runner/conformance/index.d.ts',
    'dist/optimizers/external/referenceClient.js', 'optimizers/external/optuna_adapter.py', 'optimizers/external/hpoarena_protocol.py',
    'docs/api.md', 'docs/plugins.md', 'docs/architecture.md', 'examples/optimizer-javascript/defaultsFirst.js', 'examples/optimizer-typescript/localSearch.ts',
  ]) {
    assert.ok(files.has(path), `the package holds ${path}`);
  }
  assert.deepEqual([...files].filter((f) => f.startsWith('dist/test/') || f.startsWith('dist/bench/')), []);
});

test('docs/api.md documents every export of the entry module, and names nothing it does not export', async () => {
  const doc = readFileSync(join(REPO_ROOT, 'docs/api.md'), 'utf8');
  // Names in the first column of the tables: `name`, `name(args)`, `Type`.
  const documented = new Set<string>();
  for (const row of doc.split('\n').filter((line) => line.startsWith('| `'))) {
    const firstCell = row.split(' | ')[0];
    for (const [, name] of firstCell.matchAll(/`([A-Za-z_][A-Za-z0-9_]*)/g)) documented.add(name);
  }
  const runtime = Object.keys(await import(join(REPO_ROOT, 'dist/index.js')));
  const declarations = readFileSync(join(REPO_ROOT, 'dist/index.d.ts'), 'utf8');
  const typeNames = [...declarations.matchAll(/type (\w+)/g)].map((m) => m[1]);
  const exported = new Set([...runtime, ...typeNames]);
  assert.deepEqual([...exported].filter((name) => !documented.has(name)), [], 'exports missing from docs/api.md');
  assert.deepEqual([...documented].filter((name) => !exported.has(name)), [], "names in docs/api.md that 'hpoarena' does not export");
});
