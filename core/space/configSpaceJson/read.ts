import { SpecError } from '../../errors.js';
import type { ConfigSpaceSerialization, Hyperparameter, SearchSpaceDefinition } from '../types.js';
import { asArray, asNumber, asObject, type Json } from './fields.js';
import { readCondition, readForbidden } from './readClauses.js';
import { readHyperparameter } from './readHyperparameter.js';

/**
 * A definition from ConfigSpace's serialized JSON, either layout: 0.x `json.write`
 * ("json_format_version", "default", "probabilities"/"weights") or 1.x `to_serialized_dict`
 * ("format_version", "default_value", "weights", "meta"). Accepts the parsed object or its text.
 * The header and dialect are kept in `serialization` so the writer reproduces the document.
 * Semantic checks (bounds, defaults, unknown parents, cycles) happen when SearchSpace compiles it.
 */
export function readConfigSpaceJson(json: unknown): SearchSpaceDefinition {
  const doc = asObject(typeof json === 'string' ? parse(json) : json, 'the document');
  const hyperparameters = asArray(doc.hyperparameters, "'hyperparameters'").map(readHyperparameter);
  const conditions = asArray(doc.conditions ?? [], "'conditions'").map(readCondition);
  const forbiddens = asArray(doc.forbiddens ?? [], "'forbiddens'").map((f, i) => readForbidden(f, `forbiddens[${i}]`));
  const name = typeof doc.name === 'string' ? { name: doc.name } : {};
  return { hyperparameters, conditions, forbiddens, ...name, serialization: serializationOf(doc, hyperparameters) };
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new SpecError(`ConfigSpace JSON does not parse: ${(error as Error).message}`);
  }
}

export const DEFAULT_HEADERS = {
  legacy: { pythonModuleVersion: '0.4.18', formatVersion: 0.2 },
  v1: { pythonModuleVersion: '1.2.0', formatVersion: 0.4 },
} as const;

function serializationOf(doc: Json, hps: readonly Hyperparameter[]): ConfigSpaceSerialization {
  const items = doc.hyperparameters as Json[];
  const format = 'format_version' in doc ? 'v1' : 'json_format_version' in doc ? 'legacy' : items.some((h) => 'default_value' in h) ? 'v1' : 'legacy';
  const versionKey = format === 'v1' ? 'format_version' : 'json_format_version';
  const formatVersion = doc[versionKey] === undefined ? DEFAULT_HEADERS[format].formatVersion : asNumber(doc[versionKey], `'${versionKey}'`);
  const pythonModuleVersion = typeof doc.python_module_version === 'string' ? doc.python_module_version : DEFAULT_HEADERS[format].pythonModuleVersion;
  if (format === 'v1') return { format, pythonModuleVersion, formatVersion };
  const categoricals = items.filter((h) => h.type === 'categorical');
  const weightsKey = categoricals.some((h) => 'probabilities' in h) ? 'probabilities' : categoricals.some((h) => 'weights' in h) || formatVersion >= 0.4 ? 'weights' : 'probabilities';
  const writesQ = items.some((h, i) => 'q' in h && (hps[i].type === 'float' || hps[i].type === 'int'));
  return { format, pythonModuleVersion, formatVersion, weightsKey, writesQ };
}
