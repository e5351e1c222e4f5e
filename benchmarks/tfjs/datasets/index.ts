import { SpecError } from '../../../core/index.js';
import type { Dataset, SplitDataset } from './dataset.js';
import { carsDataset, irisDataset, penguinsDataset } from './packaged.js';
import { splitDataset } from './split.js';
import { syntheticDataset } from './synthetic.js';
import { syntheticImages } from './images.js';

export type { Dataset, SplitDataset } from './dataset.js';

/** The real datasets, by name. */
export const PACKAGED_DATASETS = { iris: irisDataset, penguins: penguinsDataset, cars: carsDataset } satisfies Record<string, () => Dataset>;

/** Synthetic dataset names: synth-cls-n{rows}-d{features} or synth-reg-n{rows}-d{features}. */
export const SYNTHETIC_PATTERN = /^synth-(cls|reg)-n(\d+)-d(\d+)$/;
export const SYNTHETIC_LIMITS = { minRows: 20, maxRows: 10_000_000, minFeatures: 1, maxFeatures: 10_000 };

/** Synthetic image sets: synth-img-n{rows}-s{side}, side in [4, 64]. */
export const IMAGE_PATTERN = /^synth-img-n(\d+)-s(\d+)$/;
export const IMAGE_LIMITS = { minSize: 4, maxSize: 64 };

/** Synthetic datasets listed by `hpoarena tasks`; any other size is built on request. */
export const LISTED_SYNTHETIC = ['synth-cls-n1000-d10', 'synth-reg-n1000-d10', 'synth-cls-n20000-d50'];
export const LISTED_IMAGES = ['synth-img-n1000-s12'];

export function isDatasetName(name: string): boolean {
  return name in PACKAGED_DATASETS || SYNTHETIC_PATTERN.test(name) || IMAGE_PATTERN.test(name);
}

const loaded = new Map<string, SplitDataset>();

/** The split dataset (built once per process). SpecError for an unknown name or a size out of range. */
export function loadDataset(name: string): SplitDataset {
  let data = loaded.get(name);
  if (!data) {
    data = splitDataset(buildDataset(name));
    loaded.set(name, data);
  }
  return data;
}

function buildDataset(name: string): Dataset {
  if (name in PACKAGED_DATASETS) return PACKAGED_DATASETS[name as keyof typeof PACKAGED_DATASETS]();
  const image = IMAGE_PATTERN.exec(name);
  if (image) {
    const [rows, size] = [Number(image[1]), Number(image[2])];
    if (rows < SYNTHETIC_LIMITS.minRows || rows > SYNTHETIC_LIMITS.maxRows || size < IMAGE_LIMITS.minSize || size > IMAGE_LIMITS.maxSize) {
      throw new SpecError(`Synthetic image set '${name}' needs rows in [${SYNTHETIC_LIMITS.minRows}, ${SYNTHETIC_LIMITS.maxRows}] and side in [${IMAGE_LIMITS.minSize}, ${IMAGE_LIMITS.maxSize}].`);
    }
    return syntheticImages(rows, size);
  }
  const match = SYNTHETIC_PATTERN.exec(name);
  if (!match) throw new SpecError(`Unknown tfjs dataset '${name}'. Valid: ${Object.keys(PACKAGED_DATASETS).join(', ')}, synth-cls-n{rows}-d{features}, synth-reg-n{rows}-d{features}, synth-img-n{rows}-s{side}.`);
  const rows = Number(match[2]);
  const features = Number(match[3]);
  const { minRows, maxRows, minFeatures, maxFeatures } = SYNTHETIC_LIMITS;
  if (rows < minRows || rows > maxRows || features < minFeatures || features > maxFeatures) {
    throw new SpecError(`Synthetic dataset '${name}' needs rows in [${minRows}, ${maxRows}] and features in [${minFeatures}, ${maxFeatures}].`);
  }
  return syntheticDataset(match[1] as 'cls' | 'reg', rows, features);
}
