/**
 * The baselines that ship in results/baselines/: consistent with their subsets and hashes,
 * reproducible (a seeded sample of 20 runs per subset re-runs bit for bit), and usable as the
 * README says (a plugin optimizer on subset:blackbox/dev, 3 seeds, reported against them).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { listTasks } from '../../benchmarks/index.js';
import { SHIPPED_BASELINES_DIR, baselineDir, compactSeeds, loadBaselines, manifestPath, parseSubsetName, readManifest, sha256 } from '../../baselines/index.js';
import { SHIPPED_SUBSETS_DIR, listSubsets, readSubsetFile, splitRunnable, subsetFilePath } from '../../subsets/index.js';
import { DATA_DIR } from '../dataDir.js';
import { REPO_ROOT, cli, tempDir } from '../helpers.js';

const shipped = listSubsets().map((name) => parseSubsetName(`subset:${name}`)).filter((s) => existsSync(manifestPath(baselineDir(SHIPPED_BASELINES_DIR, s))));
const listed = listTasks({ dataDir: DATA_DIR });

/** Skip message when a subset's tasks cannot run with the data directory here (never under CI=true). */
function skipUnlessRunnable(tasks: readonly string[]): string | false {
  const { unavailable } = splitRunnable(tasks, listed);
  if (unavailable.length === 0 || process.env.CI === 'true') return false;
  return `needs data for ${unavailable.length} tasks (e.g. ${unavailable[0].id}: ${unavailable[0].reason}); set HPOARENA_DATA_DIR`;
}

describe('shipped baselines', () => {
  it('ship for the blackbox dev subset at least', () => {
    assert.ok(shipped.some((s) => s.spec === 'subset:blackbox/dev'), `results/baselines/blackbox/dev/manifest.json is missing (${shipped.map((s) => s.spec).join(', ') || 'none ship'})`);
  });

  for (const subset of shipped) {
    const dir = baselineDir(SHIPPED_BASELINES_DIR, subset);
    const manifest = readManifest(dir, subset);

    it(`${subset.spec}: manifest matches its subset file and every file its hash; each optimizer covers every task x seed`, () => {
      const subsetPath = subsetFilePath(SHIPPED_SUBSETS_DIR, subset.type, subset.set);
      assert.equal(manifest.subsetSha256, sha256(readFileSync(subsetPath)), `${subsetPath} changed after its baselines were computed: recompute them`);
      assert.deepEqual(manifest.tasks, readSubsetFile(subsetPath).tasks.map((t) => t.id));
      const { runs } = loadBaselines(subset.spec);
      for (const entry of manifest.optimizers) {
        const own = runs.filter((r) => r.optimizerLabel === entry.label);
        assert.equal(own.length, manifest.tasks.length * entry.seeds.length, entry.label);
        assert.ok(own.every((r) => r.trials.length > 0 && r.trials.at(-1)!.budgetUsed >= r.nTrials - 1e-9), `${entry.label}: every run used its budget`);
      }
    });

    it(`${subset.spec}: reproduce --sample 20 is bit-identical`, { skip: skipUnlessRunnable(manifest.tasks) }, () => {
      const result = cli(['reproduce', subset.spec, '--sample', '20', '--json', '--workers', '2', '--data-dir', DATA_DIR]);
      assert.equal(result.status, 0, result.stderr + result.stdout);
      const report = JSON.parse(result.stdout) as { rerun: number; identical: number; differ: unknown[]; ranks: Array<{ shipped: number; rerun: number }> };
      assert.equal(report.rerun, Math.min(20, manifest.optimizers.reduce((n, e) => n + e.runs, 0)));
      assert.equal(report.identical, report.rerun, JSON.stringify(report.differ));
      for (const row of report.ranks) assert.ok(Object.is(row.shipped, row.rerun) || row.shipped === row.rerun);
    });
  }

  const dev = shipped.find((s) => s.spec === 'subset:blackbox/dev');
  const devTasks = dev ? readManifest(baselineDir(SHIPPED_BASELINES_DIR, dev), dev).tasks : [];
  it('README walk-through: a plugin optimizer on subset:blackbox/dev with 3 seeds is reported against the shipped baselines', { skip: !dev ? 'no blackbox dev baselines ship' : skipUnlessRunnable(devTasks) }, (t) => {
    const store = join(tempDir(t), 'mine.db');
    const out = join(tempDir(t), 'report');
    const plugin = join(REPO_ROOT, 'examples/optimizer-javascript/defaultsFirst.js');
    const run = cli(['run', '--plugin', plugin, '--optimizers', 'defaults-first', '--tasks', 'subset:blackbox/dev', '--seeds', '1-3', '--experiment', 'mine', '--store', store, '--workers', '2', '--data-dir', DATA_DIR]);
    assert.equal(run.status, 0, run.stderr + run.stdout);
    const report = cli(['report', 'mine', '--baselines', 'subset:blackbox/dev', '--store', store, '--out', out, '--no-png', '--data-dir', DATA_DIR]);
    assert.equal(report.status, 0, report.stderr + report.stdout);
    // The baselines' own seeds among 1-3 are compared; seeds they lack are named in a note.
    const seeds = [...new Set(readManifest(baselineDir(SHIPPED_BASELINES_DIR, dev!), dev!).optimizers.flatMap((e) => e.seeds))].filter((s) => s <= 3);
    assert.match(report.stdout, new RegExp(`with the shipped baselines of subset:blackbox/dev \\(random, sobol, tpe, gp, rf, cmaes, de\\) on 20 tasks, seeds ${compactSeeds(seeds)}`));
    if (seeds.length < 3) assert.match(report.stdout, /runs of 'mine' are on tasks or seeds without baselines and are left out/);
    assert.match(report.stdout, /Friedman chi2/);
    for (const name of ['defaults-first', 'gp', 'random']) assert.match(report.stdout, new RegExp(`^${name}\\s`, 'm'));
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    assert.match(html, /defaults-first/);
    assert.match(html, /cmaes/);
    const again = cli(['status', 'mine', '--store', store]);
    assert.equal(again.status, 0);
    assert.match(again.stdout, /defaults-first/, "the user's store still holds only their runs");
    assert.doesNotMatch(again.stdout, /\bgp\b/);
  });

  it('bad input: an unknown subset and a subset without baselines are one clear error each, exit code 2', () => {
    const unknown = cli(['reproduce', 'subset:blackbox/nope']);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /^hpoarena: No baselines ship for 'subset:blackbox\/nope'/);
    assert.doesNotMatch(unknown.stderr, /\n\s+at /);
    const malformed = cli(['report', 'x', '--baselines', 'blackbox/dev']);
    assert.equal(malformed.status, 2);
    assert.match(malformed.stderr, /subset:<type>\/<set>/);
  });
});
