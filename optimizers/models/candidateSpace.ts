import type { Config, Rng, SearchSpace } from '../../core/index.js';

/** A proposal in the unit cube; `config` is known when the space built it (else decoded on demand). */
export interface Point {
  readonly row: Float64Array;
  readonly config?: Config;
}

/**
 * Where acquisition maximizers draw random points and one-exchange neighbours from. Rows handed
 * to callbacks are scratch buffers: copy one to keep it.
 */
export interface CandidateSpace {
  readonly width: number;
  /** Writes a random point into `row`; returns its config when one was built. */
  sampleInto(rng: Rng, row: Float64Array): Config | undefined;
  /** Visits the one-exchange neighbours of `point` in random order until `visit` returns true. */
  forEachNeighbour(point: Point, rng: Rng, visit: (row: Float64Array, config: Config | undefined) => boolean): void;
}

/** ConfigSpace's one-exchange neighbourhood for numeric parameters (as core/space/neighbours.ts). */
const NEIGHBOUR_STDEV = 0.2;
const NUMERIC_NEIGHBOURS = 4;

/** The general case: configs from space.sample / space.neighbours (conditions, forbiddens, every type). */
class ConfigCandidates implements CandidateSpace {
  readonly width: number;

  constructor(private readonly space: SearchSpace) {
    this.width = space.dimension;
  }

  sampleInto(rng: Rng, row: Float64Array): Config {
    const config = this.space.sample(rng);
    row.set(this.space.encode(config));
    return config;
  }

  forEachNeighbour(point: Point, rng: Rng, visit: (row: Float64Array, config: Config | undefined) => boolean): void {
    const config = point.config ?? this.space.decode(point.row);
    for (const neighbour of this.space.neighbours(config, rng)) {
      if (visit(this.space.encode(neighbour), neighbour)) return;
    }
  }
}

/**
 * The fast case, plain boxes (only floats without q or prior, no conditions or forbiddens): every
 * point of the unit cube is a config, so sampling and neighbours stay in Float64Arrays with the
 * same distributions as space.sample / space.neighbours; configs are decoded for the winner only.
 */
class UnitCubeCandidates implements CandidateSpace {
  readonly width: number;
  private readonly scratch: Float64Array;
  private readonly order: number[];

  constructor(space: SearchSpace) {
    this.width = space.dimension;
    this.scratch = new Float64Array(this.width);
    this.order = Array.from({ length: NUMERIC_NEIGHBOURS * this.width }, (_, i) => i % this.width);
  }

  sampleInto(rng: Rng, row: Float64Array): undefined {
    for (let d = 0; d < this.width; d++) row[d] = rng.random();
    return undefined;
  }

  forEachNeighbour(point: Point, rng: Rng, visit: (row: Float64Array, config: Config | undefined) => boolean): void {
    const row = this.scratch;
    row.set(point.row);
    for (const d of rng.shuffle(this.order)) {
      const centre = point.row[d];
      let v = NaN;
      for (let attempt = 0; attempt < 20 && !(v >= 0 && v <= 1); attempt++) v = centre + rng.normal(0, NEIGHBOUR_STDEV);
      if (!(v >= 0 && v <= 1)) continue;
      row[d] = v;
      if (visit(row, undefined)) return;
      row[d] = centre;
    }
  }
}

/** True when every config of the space is a point of the unit cube and back (see UnitCubeCandidates). */
export function isPlainBox(space: SearchSpace): boolean {
  const def = space.definition;
  if ((def.conditions?.length ?? 0) > 0 || (def.forbiddens?.length ?? 0) > 0) return false;
  return space.hyperparameters.every((hp) => hp.type === 'float' && hp.q === undefined && hp.prior === undefined);
}

export function candidateSpaceFor(space: SearchSpace): CandidateSpace {
  return isPlainBox(space) ? new UnitCubeCandidates(space) : new ConfigCandidates(space);
}
