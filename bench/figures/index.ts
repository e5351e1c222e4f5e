import type { BenchFigure } from '../figure.js';

/** Every figure `npm run bench` knows, in the order they run. */
export const allFigures: BenchFigure[] = [];
