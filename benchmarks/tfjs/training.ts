/**
 * Trains one configuration to a number of epochs and measures it on the validation part. Every
 * random choice comes from the trial seed: initialization from (seed, 'init'), the shuffle and the
 * dropout masks of epoch e from (seed, 'shuffle', e) and (seed, 'dropout', e). Because epoch e's
 * draws do not depend on earlier epochs, training resumed from a checkpoint after k epochs takes
 * exactly the steps training from scratch takes, and ends in the same parameters.
 */
import * as tf from '@tensorflow/tfjs';
import { deriveRng, SpecError } from '../../core/index.js';
import { activateBackend, type BackendName } from './backend.js';
import { CheckpointCache, type Checkpoint } from './checkpoints.js';
import { loadDataset, type SplitDataset } from './datasets/index.js';
import { cnnNetwork } from './cnn.js';
import { mlpNetwork } from './mlp.js';
import { dropoutMask, parameterCount, type Network } from './network.js';
import { datasetTensors, type DatasetTensors } from './datasetTensors.js';
import { validate } from './validation.js';
import { configKey, type MlpConfig } from './mlpConfig.js';
import { applyUpdate, slotCount } from './updateRules.js';

export type ModelKind = 'mlp' | 'cnn';

export interface TrainRequest {
  readonly model: ModelKind;
  readonly dataset: string;
  readonly config: MlpConfig;
  readonly epochs: number;
  readonly seed: number;
}

export interface TrainResult {
  /** Classification: error rate; regression: RMSE in the target's unit. */
  readonly validationError: number;
  readonly validationLoss: number;
  readonly epochs: number;
  /** Epochs taken from a cached checkpoint instead of trained again. */
  readonly epochsReused: number;
  /** Seconds of training to reach `epochs`, including the reused part. */
  readonly trainSeconds: number;
  readonly parameterCount: number;
  readonly backend: BackendName;
  readonly gpu: boolean;
}

interface State {
  params: tf.Tensor[];
  slots: tf.Tensor[][];
  step: number;
}

const cache = CheckpointCache.fromEnv();

/** This process's checkpoint cache (tests and the bench read and clear it). */
export function checkpointCache(): CheckpointCache {
  return cache;
}

export async function train(request: TrainRequest): Promise<TrainResult> {
  const backend = await activateBackend();
  const data = loadDataset(request.dataset);
  const { config, epochs, seed } = request;
  const network = networkFor(request.model, data, config);
  const key = `${request.model}|${request.dataset}|${seed}|${configKey(config)}`;
  const resumed = cache.latest(key, epochs);
  const state = resumed ? restore(resumed) : fresh(network, config, seed);
  const tensors = datasetTensors(data);
  const start = performance.now();
  try {
    for (let epoch = resumed?.epochs ?? 0; epoch < epochs; epoch++) runEpoch(state, tensors, data, network, config, seed, epoch);
    const { error, loss } = validate(state.params, tensors, data, network);
    const trainSeconds = (resumed?.trainSeconds ?? 0) + (performance.now() - start) / 1000;
    if (cache.limitBytes > 0) cache.put(key, snapshot(state, epochs, trainSeconds));
    return {
      validationError: error, validationLoss: loss, epochs, epochsReused: resumed?.epochs ?? 0, trainSeconds,
      parameterCount: parameterCount(network), backend: backend.name, gpu: backend.gpu,
    };
  } finally {
    for (const t of [...state.params, ...state.slots.flat()]) t.dispose();
  }
}

function networkFor(model: ModelKind, data: SplitDataset, config: MlpConfig): Network {
  const outputs = data.kind === 'classification' ? data.outputs : 1;
  if (model === 'mlp') return mlpNetwork(data.features, outputs, config);
  if (data.imageSize === undefined) throw new SpecError(`The CNN needs an image dataset (synth-img-n{rows}-s{side}), not '${data.name}'.`);
  return cnnNetwork(data.imageSize, outputs, config);
}

function fresh(network: Network, config: MlpConfig, seed: number): State {
  const params = network.initialParameters(deriveRng(seed, 'init')).map((values, i) => tf.tensor(values, [...network.shapes[i]]));
  const slots = params.map((p) => Array.from({ length: slotCount(config) }, () => tf.zerosLike(p)));
  return { params, slots, step: 0 };
}

function restore(checkpoint: Checkpoint): State {
  return {
    params: checkpoint.params.map((values, i) => tf.tensor(values, [...checkpoint.shapes[i]])),
    slots: checkpoint.slots.map((list, i) => list.map((values) => tf.tensor(values, [...checkpoint.shapes[i]]))),
    step: checkpoint.step,
  };
}

function snapshot(state: State, epochs: number, trainSeconds: number): Checkpoint {
  return {
    epochs, step: state.step, trainSeconds,
    shapes: state.params.map((p) => p.shape),
    params: state.params.map((p) => p.dataSync().slice() as Float32Array),
    slots: state.slots.map((list) => list.map((s) => s.dataSync().slice() as Float32Array)),
  };
}

function runEpoch(state: State, tensors: DatasetTensors, data: SplitDataset, network: Network, config: MlpConfig, seed: number, epoch: number): void {
  const rows = data.train.rows;
  const order = deriveRng(seed, 'shuffle', epoch).shuffle(Array.from({ length: rows }, (_, i) => i));
  const dropoutRng = deriveRng(seed, 'dropout', epoch);
  const batchSize = Math.min(config.batchSize, rows);
  for (let first = 0; first < rows; first += batchSize) {
    const batch = order.slice(first, first + batchSize);
    const maskShapes = config.dropout > 0 ? network.maskShapes(batch.length) : [];
    const masks = maskShapes.map(([rows, width]) => dropoutMask(rows * width, config.dropout, dropoutRng));
    state.step++;
    const next = tf.tidy(() => {
      const index = tf.tensor1d(batch, 'int32');
      const x = tf.gather(tensors.xTrain, index);
      const y = tf.gather(tensors.yTrain, index);
      const maskTensors = masks.length > 0 ? masks.map((m, i) => tf.tensor2d(m, maskShapes[i] as [number, number])) : undefined;
      const lossOf = (...params: tf.Tensor[]) => {
        const out = network.forward(params, x as tf.Tensor2D, maskTensors);
        return data.kind === 'classification' ? tf.losses.softmaxCrossEntropy(y, out) : tf.losses.meanSquaredError(y, out);
      };
      const { grads } = tf.valueAndGrads(lossOf)(state.params);
      const updated = applyUpdate(config, state.step, state.params, grads, state.slots);
      return [...updated.params, ...updated.slots.flat()];
    });
    for (const t of [...state.params, ...state.slots.flat()]) t.dispose();
    const n = state.params.length;
    const perSlot = state.slots[0]?.length ?? 0;
    state.params = next.slice(0, n);
    state.slots = Array.from({ length: n }, (_, i) => next.slice(n + i * perSlot, n + (i + 1) * perSlot));
  }
}
