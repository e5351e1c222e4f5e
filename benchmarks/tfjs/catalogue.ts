/**
 * The tfjs task ids:
 *   tfjs/mlp/{dataset}                 blackbox: validation error after the full 27 epochs
 *   tfjs/mlp/{dataset}/epochs          multi-fidelity: epochs in [1, 27]
 *   tfjs/mlp/{dataset}/params          multi-objective: validation error and parameter count
 *   tfjs/mlp/{dataset}/time            multi-objective: validation error and training seconds
 *   tfjs/mlp/{dataset}/epochs/params   multi-fidelity multi-objective (and .../epochs/time)
 * {dataset}: iris, penguins, cars (regression), or synth-cls-n{rows}-d{features} /
 * synth-reg-n{rows}-d{features} of any size (a few sizes are listed).
 *   tfjs/cnn/synth-img-n{rows}-s{side}[/epochs][/params|/time]   the small CNN on synthetic images
 */
import { defaultNTrials, taskTypeOf, type Fidelity, type Objective, type TaskType } from '../../core/index.js';
import { IMAGE_PATTERN, isDatasetName, LISTED_IMAGES, LISTED_SYNTHETIC, PACKAGED_DATASETS } from './datasets/index.js';
import type { ModelKind } from './training.js';
import { mlpSpace } from './space.js';

export const TFJS_PREFIX = 'tfjs/';

/** Epochs: 1..27 gives hyperband (eta 3) four full rungs, 1, 3, 9, 27. */
export const EPOCHS: Fidelity = { name: 'epochs', min: 1, max: 27, integer: true };

export type SecondObjective = 'params' | 'time';

export interface TfjsTaskSpec {
  readonly id: string;
  readonly model: ModelKind;
  readonly dataset: string;
  readonly multiFidelity: boolean;
  readonly second?: SecondObjective;
}

const ID_PATTERN = /^tfjs\/(mlp|cnn)\/([^/]+)(\/epochs)?(?:\/(params|time))?$/;

const REGRESSION = new Set(['cars']);

function isRegression(dataset: string): boolean {
  return REGRESSION.has(dataset) || dataset.startsWith('synth-reg-');
}

/** The spec of an id, or undefined when the id is not a tfjs task. */
export function parseTfjsId(id: string): TfjsTaskSpec | undefined {
  const match = ID_PATTERN.exec(id);
  if (!match || !isDatasetName(match[2])) return undefined;
  // The CNN trains on images only; the MLP on any dataset (images flattened).
  if (match[1] === 'cnn' && !IMAGE_PATTERN.test(match[2])) return undefined;
  return { id, model: match[1] as ModelKind, dataset: match[2], multiFidelity: match[3] !== undefined, second: match[4] as SecondObjective | undefined };
}

export function objectivesOf(spec: TfjsTaskSpec): Objective[] {
  const error: Objective = { name: isRegression(spec.dataset) ? 'validation_rmse' : 'validation_error', direction: 'minimize' };
  if (spec.second === 'params') return [error, { name: 'parameter_count', direction: 'minimize' }];
  if (spec.second === 'time') return [error, { name: 'train_seconds', direction: 'minimize', measured: true }];
  return [error];
}

export function typeOf(spec: TfjsTaskSpec): TaskType {
  return taskTypeOf({ objectives: objectivesOf(spec), fidelity: spec.multiFidelity ? EPOCHS : undefined });
}

export const TFJS_N_TRIALS = defaultNTrials(mlpSpace.dimension);

/** Every listed task: each listed (model, dataset) in every variant. */
const VARIANTS = ['', '/epochs', '/params', '/time', '/epochs/params', '/epochs/time'];
const LISTED: ReadonlyArray<[ModelKind, string]> = [
  ...[...Object.keys(PACKAGED_DATASETS), ...LISTED_SYNTHETIC].map((d): [ModelKind, string] => ['mlp', d]),
  ...LISTED_IMAGES.map((d): [ModelKind, string] => ['cnn', d]),
];
export const listedTfjsSpecs: readonly TfjsTaskSpec[] = LISTED.flatMap(([model, dataset]) =>
  VARIANTS.map((suffix) => parseTfjsId(`${TFJS_PREFIX}${model}/${dataset}${suffix}`)!));
