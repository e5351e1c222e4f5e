/** Builds one YAHPO task: the scenario's surrogate with the instance and fidelities set and the CARP-S metrics as costs. */
import path from 'node:path';
import { DataMissingError, type Objective, type Task, type TrialInfo, type TrialValue } from '../../core/index.js';
import type { YahpoTaskSpec } from './catalogue.js';
import { scenarioDir, unavailableReason, YAHPO_DATA_VERSION } from './dataDir.js';
import { fidelityValues } from './fidelity.js';
import { loadScenarioData } from './scenarioData.js';
import { YAHPO_SCENARIOS } from './scenarios.js';
import { surrogateSession } from './session.js';
import { encodeInput, predictBatch } from './surrogate.js';

export async function yahpoTask(spec: YahpoTaskSpec, root: string): Promise<Task> {
  const reason = unavailableReason(root, spec.scenario);
  if (reason) throw new DataMissingError(`Cannot build '${spec.id}': ${reason}`);
  const scenario = YAHPO_SCENARIOS[spec.scenario];
  const dir = scenarioDir(root, spec.scenario);
  const data = loadScenarioData(dir, scenario);
  if (!data.instances.includes(spec.instance)) {
    throw new DataMissingError(`Cannot build '${spec.id}': ${dir}/config_space.json has no instance '${spec.instance}' (is it yahpo_data v${YAHPO_DATA_VERSION}?).`);
  }
  const session = await surrogateSession(path.join(dir, 'model.onnx'));
  const minimize = new Map(scenario.outputs.map((o) => [o.name, o.minimize]));
  const objectives: Objective[] = spec.metrics.map((name) => ({ name, direction: minimize.get(name) ? 'minimize' : 'maximize' }));
  const range = spec.fidelity ? data.fidelities[spec.fidelity] : undefined;
  // nb301 has no instance input: CIFAR10 is its only dataset.
  const instanceInput = scenario.instanceParam === undefined ? {} : { [scenario.instanceParam]: spec.instance };

  /** Many trials in one surrogate call (what optimizers or analysis asking for many configs use). */
  async function evaluateBatch(trials: readonly TrialInfo[]): Promise<TrialValue[]> {
    const fidelitiesOf = trials.map((trial) => {
      data.space.validate(trial.config);
      return fidelityValues(spec, data.fidelities, trial.fidelity);
    });
    const inputs = trials.map((trial, k) => encodeInput(scenario, data.encoding, { ...trial.config, ...instanceInput, ...fidelitiesOf[k] }));
    const start = performance.now();
    const outputs = await predictBatch(session, scenario, inputs);
    const wallTime = (performance.now() - start) / 1000 / trials.length;
    return outputs.map((metrics, k) => {
      const costs = objectives.map((o) => (o.direction === 'maximize' ? -metrics[o.name] : metrics[o.name]));
      return {
        cost: costs.length === 1 ? costs[0] : costs,
        status: 'ok' as const,
        wallTime,
        // The surrogate's runtime in seconds; it can dip just below 0 near the fastest configurations.
        virtualTime: Math.max(0, metrics[scenario.runtimeName]),
        // Every raw surrogate output, by name (`hpoarena evaluate` prints them as `metrics`).
        info: { metrics, fidelities: fidelitiesOf[k] },
      };
    });
  }

  return {
    id: spec.id,
    space: data.space,
    objectives,
    fidelity: spec.fidelity && range ? { name: spec.fidelity, min: range.lower, max: range.upper, integer: range.integer } : undefined,
    budget: { nTrials: spec.nTrials },
    // On the simulated clock of parallel runs a trial takes the surrogate's predicted runtime.
    simulatedTime: { source: 'virtual' },
    metadata: {
      collection: 'yahpo',
      kind: 'surrogate',
      scenario: spec.scenario,
      instance: spec.instance,
      metrics: spec.metrics,
      fixedFidelities: Object.fromEntries(Object.entries(data.fidelities).filter(([name]) => name !== spec.fidelity).map(([name, r]) => [name, r.upper])),
      source: `yahpo_gym BenchmarkSet('${spec.scenario}', instance='${spec.instance}'), yahpo_data v${YAHPO_DATA_VERSION}`,
    },
    evaluate: async (trial: TrialInfo): Promise<TrialValue> => (await evaluateBatch([trial]))[0],
    evaluateBatch,
  };
}
