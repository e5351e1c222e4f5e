/**
 * Every scenario's task end to end, on a synthetic model with the surrogate's interface
 * (syntheticOnnx.ts), since the ten newer scenarios' real models are not in the development data:
 * the instance, the fidelities, the columns, the chosen metrics, their signs and the runtime reach
 * and leave the model as the catalogue says. Expected outputs are computed here from encoding.json
 * and the raw values, not through surrogate.ts.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { Rng, type Value } from '../../core/index.js';
import { SCENARIO_NAMES, YAHPO_SCENARIOS, yahpoCollection, yahpoTaskSpecs, type ScenarioName } from '../../benchmarks/yahpo/index.js';
import { releaseSurrogateSessions } from '../../benchmarks/yahpo/session.js';
import { catWeight, contWeight, syntheticSurrogate } from './syntheticOnnx.js';
import { metadataDir, readMetadata, skipWithout } from './yahpoData.js';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hpoarena-yahpo-synthetic-'));
after(async () => {
  await releaseSurrogateSessions();
  rmSync(dataDir, { recursive: true, force: true });
});

/** output_j = sum_i code(cat_i) Wcat[i][j] + sum_i cont_i Wcont[i][j], from the raw inputs. */
function expectedOutputs(scenario: ScenarioName, inputs: Readonly<Record<string, Value>>): Record<string, number> {
  const { catNames, contNames, outputs } = YAHPO_SCENARIOS[scenario];
  const codes = JSON.parse(readMetadata(scenario, 'encoding.json')) as Record<string, Record<string, number>>;
  return Object.fromEntries(outputs.map((o, j) => {
    let sum = 0;
    catNames.forEach((name, i) => (sum += codes[name][inputs[name] === undefined ? '#na#' : String(inputs[name])] * catWeight(i, j)));
    contNames.forEach((name, i) => (sum += Math.fround((inputs[name] as number | undefined) ?? 0) * contWeight(i, j)));
    return [o.name, sum];
  }));
}

describe('every YAHPO scenario end to end on a synthetic surrogate', { skip: skipWithout('yahpo-configs') }, () => {
  for (const scenario of SCENARIO_NAMES) {
    it(scenario, async () => {
      const layout = YAHPO_SCENARIOS[scenario];
      const dir = path.join(dataDir, 'yahpo', scenario);
      mkdirSync(dir, { recursive: true });
      for (const file of ['config_space.json', 'encoding.json']) copyFileSync(path.join(metadataDir(scenario), file), path.join(dir, file));
      writeFileSync(path.join(dir, 'model.onnx'), syntheticSurrogate(layout.catNames.length, layout.contNames.length, layout.outputs.length));

      const specs = yahpoTaskSpecs.filter((s) => s.scenario === scenario);
      // One task of each type, on two instances where there are two.
      const chosen = [...new Map(specs.map((s) => [`${s.type}/${s.instance === specs[0].instance}`, s])).values()];
      const rng = new Rng(scenario);
      for (const spec of chosen) {
        assert.ok(yahpoCollection.list({ dataDir }).find((t) => t.id === spec.id)?.available, spec.id);
        const task = await yahpoCollection.create(spec.id, { dataDir });
        for (let n = 0; n < 5; n++) {
          const config = task.space.sample(rng);
          const fidelity = task.fidelity ? (task.fidelity.integer ? Math.round(task.fidelity.min + rng.random() * (task.fidelity.max - task.fidelity.min)) : task.fidelity.min + rng.random() * (task.fidelity.max - task.fidelity.min)) : undefined;
          const value = await task.evaluate({ config, fidelity });
          const info = value.info as { metrics: Record<string, number>; fidelities: Record<string, number> };

          const fidelities = Object.fromEntries(layout.fidelityParams.map((f) => [f, f === spec.fidelity && fidelity !== undefined ? fidelity : info.fidelities[f]]));
          for (const f of layout.fidelityParams) if (f !== spec.fidelity) assert.equal(info.fidelities[f], f === 'trainsize' ? 1 : f === 'repl' ? 10 : f === 'epoch' ? (scenario === 'nb301' ? 98 : 52) : NaN, `${spec.id} ${f} at its maximum`);
          const inputs = { ...config, ...fidelities, ...(layout.instanceParam ? { [layout.instanceParam]: spec.instance } : {}) };
          const want = expectedOutputs(scenario, inputs);
          for (const [name, x] of Object.entries(want)) assert.ok(Math.abs(info.metrics[name] - x) <= 1e-5 * Math.max(1, Math.abs(x)), `${spec.id} ${name}: ${info.metrics[name]} vs ${x}`);

          const costs = [value.cost].flat() as number[];
          assert.deepEqual(task.objectives.map((o) => o.name), [...spec.metrics]);
          spec.metrics.forEach((metric, k) => {
            const sign = layout.outputs.find((o) => o.name === metric)!.minimize ? 1 : -1;
            assert.equal(costs[k], sign * info.metrics[metric], `${spec.id} cost ${metric}`);
          });
          assert.equal(value.virtualTime, Math.max(0, info.metrics[layout.runtimeName]));
        }
      }
    });
  }
});
