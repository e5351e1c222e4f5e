export * from './types.js';
export { SearchSpace } from './searchSpace.js';
