import { UnknownNameError } from '../../core/index.js';
import type { TaskCollection, TaskDescriptor } from '../collection.js';
import { listedTfjsSpecs, objectivesOf, parseTfjsId, TFJS_N_TRIALS, TFJS_PREFIX, typeOf } from './catalogue.js';
import { mlpSpace } from './space.js';

export { EPOCHS, TFJS_PREFIX, parseTfjsId, listedTfjsSpecs, type TfjsTaskSpec } from './catalogue.js';
export { mlpSpace } from './space.js';

export const tfjsCollection: TaskCollection = {
  name: 'tfjs',
  description: 'MLPs (iris, penguins, cars, seeded synthetic data) and a small CNN (seeded synthetic images) trained with TensorFlow.js: real training, epochs as fidelity',
  list(): TaskDescriptor[] {
    return listedTfjsSpecs.map((spec) => ({
      id: spec.id, collection: 'tfjs', type: typeOf(spec), dimension: mlpSpace.dimension,
      nObjectives: objectivesOf(spec).length, nTrials: TFJS_N_TRIALS, simulatedTime: 'measured', available: true,
    }));
  },
  owns: (id) => id.startsWith(TFJS_PREFIX),
  create(id) {
    const spec = parseTfjsId(id);
    if (!spec) throw new UnknownNameError('tfjs task', id, [...listedTfjsSpecs.map((s) => s.id), `${TFJS_PREFIX}mlp/synth-{cls|reg}-n{rows}-d{features}[/epochs][/params|/time]`, `${TFJS_PREFIX}cnn/synth-img-n{rows}-s{side}[...]`]);
    // TensorFlow.js is loaded on the first create, never by listing.
    return import('./task.js').then(({ tfjsTask }) => tfjsTask(spec));
  },
};
