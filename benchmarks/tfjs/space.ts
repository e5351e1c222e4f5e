import { SearchSpace } from '../../core/index.js';

/**
 * The MLP search space: learning rate (log), batch size (log int), depth, width, dropout, weight
 * decay (log), activation, optimizer, and momentum only for the optimizers that have one.
 */
export const mlpSpace = new SearchSpace({
  hyperparameters: [
    { type: 'float', name: 'learning_rate', lower: 1e-4, upper: 1e-1, log: true, default: 1e-2 },
    { type: 'int', name: 'batch_size', lower: 8, upper: 256, log: true, default: 32 },
    { type: 'int', name: 'n_layers', lower: 1, upper: 4, log: false, default: 2 },
    { type: 'int', name: 'units', lower: 8, upper: 256, log: true, default: 64 },
    { type: 'float', name: 'dropout', lower: 0, upper: 0.5, log: false, default: 0 },
    { type: 'float', name: 'weight_decay', lower: 1e-6, upper: 1e-1, log: true, default: 1e-4 },
    { type: 'categorical', name: 'activation', choices: ['relu', 'tanh', 'elu'], default: 'relu' },
    { type: 'categorical', name: 'optimizer', choices: ['adam', 'sgd', 'rmsprop'], default: 'adam' },
    { type: 'float', name: 'momentum', lower: 0, upper: 0.99, log: false, default: 0.9 },
  ],
  conditions: [{ child: 'momentum', clause: { type: 'IN', parent: 'optimizer', values: ['sgd', 'rmsprop'] } }],
});
