/**
 * The surrogate call, as yahpo_gym 1.0.x's BenchmarkSet._config_to_xs and objective_function do it
 * (README.md says what happens here and what happens inside the ONNX graph).
 */
import * as ort from 'onnxruntime-node';
import { InvalidConfigError, type Value } from '../../core/index.js';
import type { CategoryEncoding } from './scenarioData.js';
import type { YahpoScenario } from './scenarios.js';

/** yahpo_gym's stand-in for a categorical input that has no value (inactive or absent). */
export const NA_CATEGORY = '#na#';

export interface SurrogateInput {
  readonly xCat: Int32Array;
  readonly xCont: Float32Array;
}

/**
 * `values` holds every input that has a value: the configuration, the instance and the fidelities.
 * Categorical inputs become their encoding.json code (absent -> the '#na#' code), numeric inputs are
 * passed raw as float32 (absent -> 0). Columns follow yahpo_gym's cat_names / cont_names.
 */
export function encodeInput(scenario: YahpoScenario, encoding: CategoryEncoding, values: Readonly<Record<string, Value>>): SurrogateInput {
  const xCat = new Int32Array(scenario.catNames.length);
  scenario.catNames.forEach((name, i) => {
    const value = values[name];
    const code = encoding[name][value === undefined ? NA_CATEGORY : String(value)];
    if (code === undefined) {
      throw new InvalidConfigError(`${scenario.name}: '${name}' = ${JSON.stringify(value)} has no code in encoding.json; valid: ${Object.keys(encoding[name]).filter((k) => k !== NA_CATEGORY).join(', ')}.`);
    }
    xCat[i] = code;
  });
  const xCont = new Float32Array(scenario.contNames.length);
  scenario.contNames.forEach((name, i) => {
    const value = values[name];
    if (value !== undefined && typeof value !== 'number') throw new InvalidConfigError(`${scenario.name}: '${name}' must be a number, got ${JSON.stringify(value)}.`);
    xCont[i] = value ?? 0;
  });
  return { xCat, xCont };
}

/** Runs the model on one input row; returns every output by yahpo_gym's y_names, on the metric's own scale. */
export async function predict(session: ort.InferenceSession, scenario: YahpoScenario, input: SurrogateInput): Promise<Record<string, number>> {
  return (await predictBatch(session, scenario, [input]))[0];
}

/** Runs the model once on many rows (one [n, k] tensor per input); results in input order. */
export async function predictBatch(session: ort.InferenceSession, scenario: YahpoScenario, inputs: readonly SurrogateInput[]): Promise<Record<string, number>[]> {
  const n = inputs.length;
  if (n === 0) return [];
  const nCat = scenario.catNames.length;
  const nCont = scenario.contNames.length;
  const xCat = new Int32Array(n * nCat);
  const xCont = new Float32Array(n * nCont);
  inputs.forEach((input, row) => {
    xCat.set(input.xCat, row * nCat);
    xCont.set(input.xCont, row * nCont);
  });
  const [catName, contName] = session.inputNames;
  const result = await session.run({
    [catName]: new ort.Tensor('int32', xCat, [n, nCat]),
    [contName]: new ort.Tensor('float32', xCont, [n, nCont]),
  });
  const data = result[session.outputNames[0]].data as Float32Array;
  const nOut = scenario.outputs.length;
  if (data.length !== n * nOut) {
    throw new Error(`${scenario.name} surrogate returned ${data.length} outputs for ${n} rows, expected ${n * nOut}.`);
  }
  return inputs.map((_, row) => Object.fromEntries(scenario.outputs.map((o, i) => [o.name, data[row * nOut + i]])));
}
