import { SearchSpace, type Hyperparameter, type SearchSpaceDefinition } from '../../core/index.js';

/** One search space the conformance suite runs every optimizer on, with its trial budget. */
export interface ConformanceSpace {
  readonly name: string;
  readonly space: SearchSpace;
  readonly nTrials: number;
}

const float = (name: string, lower: number, upper: number, log = false): Hyperparameter => ({
  name,
  type: 'float',
  lower,
  upper,
  log,
  default: log ? Math.sqrt(lower * upper) : (lower + upper) / 2,
});
const int = (name: string, lower: number, upper: number, log = false): Hyperparameter => ({
  name,
  type: 'int',
  lower,
  upper,
  log,
  default: lower,
});

const definitions: Record<string, SearchSpaceDefinition> = {
  float: { hyperparameters: [float('x', -5, 5), float('y', 0, 1)] },
  int: { hyperparameters: [int('i', -3, 7), int('j', 0, 1000)] },
  categorical: {
    hyperparameters: [
      { name: 'kernel', type: 'categorical', choices: ['linear', 'rbf', 'poly'], default: 'rbf' },
      { name: 'shrinking', type: 'categorical', choices: [true, false], default: true, weights: [3, 1] },
      { name: 'degree', type: 'categorical', choices: [2, 3, 5, 7], default: 3 },
    ],
  },
  ordinal: {
    hyperparameters: [
      { name: 'size', type: 'ordinal', sequence: ['small', 'medium', 'large'], default: 'medium' },
      { name: 'batch', type: 'ordinal', sequence: [16, 32, 64, 128, 256], default: 64 },
    ],
  },
  constant: {
    hyperparameters: [
      { name: 'solver', type: 'constant', value: 'adam' },
      { name: 'epochs', type: 'constant', value: 10 },
    ],
  },
  log: { hyperparameters: [float('lr', 1e-6, 1, true), int('units', 1, 4096, true)] },
  'int-width-1': { hyperparameters: [int('flag', 3, 4)] },
  '1d': { hyperparameters: [float('x', 0, 1)] },
  '50d': {
    hyperparameters: [
      ...Array.from({ length: 40 }, (_, k) => float(`x${k}`, -1, 1)),
      ...Array.from({ length: 5 }, (_, k) => int(`n${k}`, 0, 9)),
      ...Array.from({ length: 5 }, (_, k): Hyperparameter => ({ name: `c${k}`, type: 'categorical', choices: ['a', 'b', 'c'], default: 'a' })),
    ],
  },
  conditional: {
    hyperparameters: [
      { name: 'optimizer', type: 'categorical', choices: ['sgd', 'adam', 'rmsprop'], default: 'sgd' },
      float('momentum', 0, 0.99),
      { name: 'nesterov', type: 'categorical', choices: [true, false], default: false },
      float('dampening', 0, 1),
      float('beta1', 0.5, 0.999),
      int('layers', 1, 4),
      int('units3', 8, 512, true),
      float('dropout3', 0, 0.5),
    ],
    conditions: [
      { child: 'momentum', clause: { type: 'EQ', parent: 'optimizer', value: 'sgd' } },
      { child: 'nesterov', clause: { type: 'GT', parent: 'momentum', value: 0.5 } },
      // two levels below the root: optimizer -> momentum -> nesterov -> dampening
      { child: 'dampening', clause: { type: 'EQ', parent: 'nesterov', value: false } },
      { child: 'beta1', clause: { type: 'IN', parent: 'optimizer', values: ['adam', 'rmsprop'] } },
      { child: 'units3', clause: { type: 'GT', parent: 'layers', value: 2 } },
      {
        child: 'dropout3',
        clause: {
          type: 'AND',
          clauses: [
            { type: 'LT', parent: 'units3', value: 256 },
            { type: 'NEQ', parent: 'optimizer', value: 'rmsprop' },
          ],
        },
      },
    ],
  },
  forbidden: {
    hyperparameters: [
      { name: 'a', type: 'categorical', choices: ['x', 'y', 'z'], default: 'y' },
      int('b', 0, 3),
      float('lo', 0, 1),
      float('hi', 0, 1),
    ],
    forbiddens: [
      { type: 'EQUALS', name: 'a', value: 'x' },
      { type: 'AND', clauses: [{ type: 'EQUALS', name: 'a', value: 'z' }, { type: 'IN', name: 'b', values: [2, 3] }] },
      { type: 'LESS', left: 'hi', right: 'lo' },
    ],
  },
  'with-constants': {
    hyperparameters: [
      { name: 'model', type: 'constant', value: 'mlp' },
      float('x', -2, 2),
      { name: 'act', type: 'categorical', choices: ['relu', 'tanh'], default: 'relu' },
      { name: 'seed_offset', type: 'constant', value: 0 },
      int('depth', 1, 8),
    ],
    conditions: [{ child: 'depth', clause: { type: 'EQ', parent: 'act', value: 'relu' } }],
  },
};

/** Budgets: 60 trials, 30 on the 50-D space (model-based optimizers are slow there). */
export function conformanceSpaces(): ConformanceSpace[] {
  return Object.entries(definitions).map(([name, definition]) => ({
    name,
    space: new SearchSpace(definition),
    nTrials: name === '50d' ? 30 : 60,
  }));
}

/** The mixed space of the multi-fidelity and multi-objective task checks. */
export function mixedSpace(): SearchSpace {
  return new SearchSpace({
    hyperparameters: [float('lr', 1e-4, 1, true), int('depth', 1, 6), { name: 'act', type: 'categorical', choices: ['relu', 'tanh', 'gelu'], default: 'relu' }],
  });
}
