import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Rng } from '../../core/index.js';
import { SCENARIO_NAMES, yahpoCollection } from '../../benchmarks/yahpo/index.js';

const dataDir = resolve(process.cwd(), '../shared');
const skip = !existsSync(join(dataDir, 'yahpo')) && process.env.CI !== 'true' ? 'skipped: ../shared/yahpo is missing (CI provides it)' : false;

// onnxruntime's batched kernels sum in another order: batch and single results agree to float32
// rounding (relative 1e-5), not bit for bit. The runner evaluates one trial at a time, so runs stay exact.
test('a batch gives what one-by-one evaluation gives (to float32 rounding), in order, for every scenario', { skip }, async () => {
  for (const scenario of SCENARIO_NAMES) {
    const specs = yahpoCollection.list({ dataDir }).filter((t) => t.id.startsWith(`yahpo/${scenario}/`));
    for (const spec of [specs.find((t) => t.type === 'blackbox')!, specs.find((t) => t.type === 'multi-fidelity')!]) {
      const task = await yahpoCollection.create(spec.id, { dataDir });
      const rng = new Rng(scenario);
      const trials = Array.from({ length: 25 }, () => {
        const config = task.space.sample(rng);
        const fidelity = task.fidelity ? task.fidelity.min + rng.random() * (task.fidelity.max - task.fidelity.min) : undefined;
        return { config, fidelity: task.fidelity?.integer && fidelity !== undefined ? Math.round(fidelity) : fidelity };
      });
      const batch = await task.evaluateBatch!(trials);
      assert.equal(batch.length, trials.length);
      for (let i = 0; i < trials.length; i++) {
        const single = await task.evaluate(trials[i]);
        const a = [batch[i].cost].flat() as number[];
        const b = [single.cost].flat() as number[];
        assert.equal(a.length, b.length);
        a.forEach((v, k) => assert.ok(Math.abs(v - b[k]) <= 1e-5 * Math.max(1, Math.abs(b[k])), `${spec.id} trial ${i}: ${v} vs ${b[k]}`));
        assert.ok(Math.abs(batch[i].virtualTime - single.virtualTime) <= 1e-5 * Math.max(1, single.virtualTime));
        assert.deepEqual((batch[i].info as { fidelities: unknown }).fidelities, (single.info as { fidelities: unknown }).fidelities);
      }
      assert.deepEqual(await task.evaluateBatch!([]), []);
    }
  }
});
