/**
 * Analysis: pure stages from a store to a report.
 * load (store -> arquero tables) -> incumbents -> anytime values on a budget grid ->
 * normalize per task -> aggregate -> ranks -> statistical tests -> tables / vega-lite specs -> render.
 */
export * from './statistics/index.js';
export * from './multiObjective/index.js';
export * from './pipeline/index.js';
export * from './tables/index.js';
export * from './charts/index.js';
export * from './report/index.js';
export * from './carps/index.js';
