import { UnknownNameError } from '../../core/index.js';
import type { TaskCollection, TaskDescriptor } from '../collection.js';
import { listedTfjsSpecs, objectivesOf, parseTfjsId, TFJS_N_TRIALS, TFJS_PREFIX, typeOf } from './catalogue.js';
import { mlpSpace } from './space.js';

export { EPOCHS, TFJS_PREFIX, parseTfjsId, listedTfjsSpecs, type TfjsTaskSpec } from './catalogue.js';
export { mlpSpace } from './space.js';

export const tfjsCollection: TaskCollection = {
  name: 'tfjs',
  description: 'MLPs trained with TensorFlow.js on iris, penguins, cars and seeded synthetic data: real training, epochs as fidelity',
  list(): TaskDescriptor[] {
    return listedTfjsSpecs.map((spec) => ({
      id: spec.id, collection: 'tfjs', type: typeOf(spec), dimension: mlpSpace.dimension,
      nObjectives: objectivesOf(spec).length, nTrials: TFJS_N_TRIALS, available: true,
    }));
  },
  owns: (id) => id.startsWith(TFJS_PREFIX),
  create(id) {
    const spec = parseTfjsId(id);
    if (!spec) throw new UnknownNameError('tfjs task', id, [...listedTfjsSpecs.map((s) => s.id), `${TFJS_PREFIX}synth-{cls|reg}-n{rows}-d{features}[/epochs][/params|/time]`]);
    // TensorFlow.js is loaded on the first create, never by listing.
    return import('./task.js').then(({ tfjsTask }) => tfjsTask(spec));
  },
};
