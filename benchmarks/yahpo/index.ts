import { UnknownNameError } from '../../core/index.js';
import type { TaskCollection, TaskContext, TaskDescriptor } from '../collection.js';
import { yahpoTaskSpecById, yahpoTaskSpecs } from './catalogue.js';
import { dataRoot, unavailableReason } from './dataDir.js';
import { SCENARIO_NAMES, type ScenarioName } from './scenarios.js';

export { yahpoTaskSpecs, yahpoTaskSpecById, type YahpoTaskSpec } from './catalogue.js';
export { YAHPO_SCENARIOS, SCENARIO_NAMES, optimizedParams, type ScenarioName, type YahpoScenario } from './scenarios.js';
export { YAHPO_INSTANCES } from './instances.js';
export { dataRoot, scenarioDir, missingScenarioFiles, unavailableReason, SCENARIO_FILES, YAHPO_DATA_VERSION } from './dataDir.js';
export { loadScenarioData, type ScenarioData } from './scenarioData.js';
export { fidelityValues, roundHalfEven } from './fidelity.js';
export { fetchYahpoData, YAHPO_DATA_URL, type FetchYahpoOptions, type FetchYahpoResult } from './fetchData.js';

export const YAHPO_PREFIX = 'yahpo/';

export const yahpoCollection: TaskCollection = {
  name: 'yahpo',
  description: `YAHPO Gym surrogates, all ${SCENARIO_NAMES.length} scenarios CARP-S uses (lcbench, nb301, rbv2_*, iaml_*): blackbox, multi-fidelity, MO and MO-MF; 'hpoarena data fetch yahpo' downloads them`,
  /** Cheap: the ids are fixed; only the presence of each scenario's files is checked. */
  list(context: TaskContext): TaskDescriptor[] {
    const root = dataRoot(context);
    const reasons = new Map<ScenarioName, string | undefined>(SCENARIO_NAMES.map((s) => [s, unavailableReason(root, s)]));
    return yahpoTaskSpecs.map((spec) => {
      const reason = reasons.get(spec.scenario);
      return {
        id: spec.id, collection: 'yahpo', type: spec.type, dimension: spec.dimension,
        nObjectives: spec.metrics.length, nTrials: spec.nTrials, simulatedTime: 'virtual', available: reason === undefined,
        ...(reason === undefined ? {} : { unavailableReason: reason }),
      };
    });
  },
  owns: (id) => id.startsWith(YAHPO_PREFIX),
  create(id, context) {
    const spec = yahpoTaskSpecById.get(id);
    if (!spec) throw new UnknownNameError('yahpo task', id, [...yahpoTaskSpecById.keys()]);
    // onnxruntime-node is loaded on the first create, never by listing (task.ts, session.ts, surrogate.ts import it).
    return import('./task.js').then(({ yahpoTask }) => yahpoTask(spec, dataRoot(context)));
  },
};
