import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { resolveOptions, SearchSpace, type Options, type TaskView } from '../../core/index.js';
import { externalFactory, findPythonSync, type ExternalOptimizer } from '../../optimizers/external/index.js';
import Database from 'better-sqlite3';
import { conformanceSpaces, executeRun, openSqliteStore, runExperiment } from '../../runner/index.js';
import { REPO_ROOT, tempDir } from '../helpers.js';
import { liveChildren } from './processes.js';

/**
 * The two clients written from docs/protocol.md alone (examples/protocol/): a stdlib Python
 * program and a bash + jq one. If the doc leaves out something a client needs, they fail here.
 */
const PYTHON_CLIENT = join(REPO_ROOT, 'examples/protocol/random_search.py');
const BASH_CLIENT = join(REPO_ROOT, 'examples/protocol/random_search.sh');
const python = findPythonSync([]);
const jq = spawnSync('jq', ['--version'], { encoding: 'utf8' }).status === 0 ? 'jq' : undefined;

function skipWithout(found: string | undefined, what: string): string | false {
  if (found || process.env.CI === 'true') return false;
  return `needs ${what} on PATH (e.g. apt-get install ${what === 'jq' ? 'jq' : 'python3'}); skipped`;
}

function need(found: string | undefined, what: string): string {
  if (found) return found;
  throw new Error(`No ${what} found; CI=true requires it (.ci/run installs it).`);
}

const clients = [
  { name: 'Python (stdlib)', launch: (): Options => ({ command: need(python, 'python3'), args: [PYTHON_CLIENT] }), skip: skipWithout(python, 'python3'), trials: 25 },
  { name: 'bash + jq', launch: (): Options => (need(jq, 'jq'), { command: 'bash', args: [BASH_CLIENT] }), skip: skipWithout(jq, 'jq'), trials: 8 },
];

/** Every feature of the space JSON the doc describes: priors, grids, weights, ordinal LT/GT, nested AND/OR, relations, parents listed after children. */
function docSpace(): SearchSpace {
  return new SearchSpace({
    hyperparameters: [
      { name: 'dropout', type: 'float', lower: 0, upper: 0.5, log: false, default: 0.1, q: 0.05 },
      { name: 'momentum', type: 'float', lower: 0, upper: 1, log: false, default: 0.9, prior: { kind: 'normal', mu: 0.9, sigma: 0.05 } },
      { name: 'lr', type: 'float', lower: 1e-5, upper: 0.1, log: true, default: 0.001 },
      { name: 'units', type: 'int', lower: 16, upper: 512, log: true, default: 64 },
      { name: 'steps', type: 'int', lower: 0, upper: 100, log: false, default: 10, q: 5 },
      { name: 'optimizer', type: 'categorical', choices: ['sgd', 'adam', true, 3], default: 'adam', weights: [1, 2, 1, 1] },
      { name: 'size', type: 'ordinal', sequence: ['s', 'm', 'l'], default: 'm' },
      { name: 'tag', type: 'constant', value: 'v1' },
      { name: 'a', type: 'float', lower: 0, upper: 1, log: false, default: 0.5 },
      { name: 'b', type: 'float', lower: 0, upper: 1, log: false, default: 0.5 },
    ],
    conditions: [
      { child: 'momentum', clause: { type: 'EQ', parent: 'optimizer', value: 'sgd' } },
      { child: 'dropout', clause: { type: 'OR', clauses: [{ type: 'GT', parent: 'size', value: 's' }, { type: 'AND', clauses: [{ type: 'IN', parent: 'optimizer', values: ['adam', 3] }, { type: 'LT', parent: 'units', value: 100 }] }] } },
      { child: 'tag', clause: { type: 'NEQ', parent: 'optimizer', value: true } },
    ],
    forbiddens: [
      { type: 'AND', clauses: [{ type: 'EQUALS', name: 'optimizer', value: true }, { type: 'IN', name: 'size', values: ['l'] }] },
      { type: 'LESS', left: 'b', right: 'a' },
      { type: 'GREATER', left: 'steps', right: 'units' },
    ],
  });
}

function view(space: SearchSpace, nTrials: number): TaskView {
  return { space, objectives: [{ name: 'f', direction: 'minimize' }], budget: { nTrials }, type: 'blackbox' };
}

for (const client of clients) {
  const spaces = [{ name: 'doc-example', space: docSpace() }, ...conformanceSpaces().map(({ name, space }) => ({ name, space }))];
  test(`the ${client.name} client from docs/protocol.md proposes only valid configs on every kind of space`, { skip: client.skip }, async () => {
    for (const { name, space } of spaces) {
      const optimizer = externalFactory.create(view(space, client.trials), 1, resolveOptions(externalFactory, client.launch())) as ExternalOptimizer;
      try {
        assert.equal(await optimizer.protocol(), 'hpoarena-ask-tell/2', name);
        for (let i = 0; i < client.trials; i++) {
          const info = await optimizer.ask(); // the harness validates every proposal: an invalid one throws
          assert.ok(space.isValid(info.config), `${name}: ${JSON.stringify(info.config)}`);
          await optimizer.tell(info, { cost: i, status: 'ok', wallTime: 0.001, virtualTime: 0 });
        }
        const incumbent = await optimizer.programIncumbent();
        assert.ok(Array.isArray(incumbent));
      } finally {
        await optimizer.close();
      }
    }
    assert.deepEqual(liveChildren(), []);
  });

  test(`the ${client.name} client runs an experiment to the end and resumes by replay`, { skip: client.skip }, async (t) => {
    const store = openSqliteStore(join(tempDir(t), 'doc-client.db'));
    t.after(() => store.close());
    const spec = {
      experiment: 'doc-client',
      optimizers: [{ name: 'external', label: 'doc', options: client.launch() }],
      tasks: ['Pymoo/SO/unconstraint/sphere'],
      seeds: [4],
      nTrials: client.trials,
    };
    await runExperiment(store, spec, { workers: 0 });
    const [run] = store.listRuns('doc-client');
    assert.equal(run.status, 'done', run.error ?? '');
    const trials = store.trials(run.id);
    assert.equal(trials.length, client.trials);
    // What a kill -9 right before the run was marked done leaves: every trial, status 'running'.
    const db = new Database(store.path);
    db.prepare("UPDATE runs SET status = 'running', finished_at = NULL WHERE id = ?").run(run.id);
    db.close();
    store.resetInterruptedRuns('doc-client', false);
    const resumed = await executeRun(store, run.id);
    assert.equal(resumed.status, 'done', resumed.error ?? '');
    assert.equal(resumed.replayed, client.trials, 'the re-seeded client proposes the stored trials again: all replayed');
    assert.deepEqual(store.trials(run.id), trials);
    assert.deepEqual(liveChildren(), []);
  });

  test(`the ${client.name} client speaks hpoarena-ask-tell/1 to a harness that offers only /1`, { skip: client.skip }, () => {
    const init = {
      type: 'init', id: 1, protocol: 'hpoarena-ask-tell/1', space: docSpace().toConfigSpaceJson('v1'),
      objectives: [{ name: 'f', direction: 'minimize' }], fidelity: null, budget: { n_trials: 5, seconds: null }, seed: 2, options: {},
    };
    const tell = { type: 'tell', id: 3, trial: 1, config: { a: 0.1, b: 0.2 }, fidelity: null, cost: [1], status: 'ok', wall_time: 0, virtual_time: 0 };
    const { command, args } = client.launch() as { command: string; args: string[] };
    const result = spawnSync(command, args, {
      input: [init, { type: 'ask', id: 2 }, tell, { type: 'close', id: 4 }].map((m) => JSON.stringify(m)).join('\n') + '\n',
      encoding: 'utf8',
      timeout: 60_000,
    });
    assert.equal(result.status, 0, result.stderr);
    const replies = result.stdout.trim().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(replies.map((m) => [m.type, m.id]), [['ready', 1], ['proposal', 2], ['ack', 3], ['bye', 4]]);
    assert.equal(replies[0].protocol, 'hpoarena-ask-tell/1');
  });
}
