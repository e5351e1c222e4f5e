/** Builds one tfjs task: a search space, objectives, epochs as fidelity, and an evaluate that trains. */
import { InvalidConfigError, type Task, type TrialInfo, type TrialValue } from '../../core/index.js';
import { plannedBackend } from './backend.js';
import { EPOCHS, objectivesOf, TFJS_N_TRIALS, type TfjsTaskSpec } from './catalogue.js';
import { loadDataset } from './datasets/index.js';
import { mlpConfigOf } from './mlpConfig.js';
import { mlpSpace } from './space.js';
import { trainerFor, type Trainer } from './trainer.js';

/** `trainer` overrides where training runs (tests put a cpu trainer in a child process). */
export function tfjsTask(spec: TfjsTaskSpec, trainer?: Trainer): Task {
  const data = loadDataset(spec.dataset);
  const backend = plannedBackend();
  const runner = trainer ?? trainerFor(backend);
  const objectives = objectivesOf(spec);
  return {
    id: spec.id,
    space: mlpSpace,
    objectives,
    fidelity: spec.multiFidelity ? EPOCHS : undefined,
    budget: { nTrials: TFJS_N_TRIALS },
    // Every trial of one configuration in a run trains with the same seed, so a promotion to more epochs continues that training.
    trialSeeding: 'per-config',
    // On the simulated clock of parallel runs a trial takes as long as its training did here.
    simulatedTime: { source: 'measured' },
    metadata: {
      collection: 'tfjs',
      kind: 'real',
      dataset: spec.dataset,
      datasetKind: data.kind,
      trainRows: data.train.rows,
      validationRows: data.validation.rows,
      features: data.features,
      model: spec.model,
      source: `${spec.model.toUpperCase()} on ${spec.dataset}, TensorFlow.js (backend chosen at start: ${backend} planned, training in a ${runner.placement})`,
    },
    async evaluate(trial: TrialInfo): Promise<TrialValue> {
      mlpSpace.validate(trial.config);
      const epochs = trial.fidelity ?? EPOCHS.max;
      if (!Number.isInteger(epochs) || epochs < EPOCHS.min || epochs > EPOCHS.max) {
        throw new InvalidConfigError(`Task '${spec.id}' needs epochs, an integer in [${EPOCHS.min}, ${EPOCHS.max}], got ${epochs}.`);
      }
      const start = performance.now();
      const result = await runner.train({ model: spec.model, dataset: spec.dataset, config: mlpConfigOf(trial.config), epochs, seed: trial.seed ?? 0 });
      const error = result.validationError;
      const cost = spec.second === 'params' ? [error, result.parameterCount] : spec.second === 'time' ? [error, result.trainSeconds] : error;
      return {
        cost,
        status: 'ok',
        wallTime: (performance.now() - start) / 1000,
        virtualTime: 0,
        info: {
          backend: result.backend, gpu: result.gpu, epochs, epochs_reused: result.epochsReused,
          train_seconds: result.trainSeconds, parameter_count: result.parameterCount, validation_loss: result.validationLoss,
        },
      };
    },
    close: () => runner.close(),
  };
}
