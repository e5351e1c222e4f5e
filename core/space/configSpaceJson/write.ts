import type { ConfigSpaceFormat, SearchSpaceDefinition } from '../types.js';
import type { Json } from './fields.js';
import { DEFAULT_HEADERS } from './read.js';
import { writeCondition, writeForbidden } from './writeClauses.js';
import { writeHyperparameter, type Dialect } from './writeHyperparameter.js';

/**
 * The ConfigSpace JSON document of a definition, as a plain object (JSON.stringify it to save).
 * Written in the layout it was read in, the header and dialect it was read with are reused, so
 * read -> write gives back the same document; otherwise the layout's current defaults apply
 * (v1: ConfigSpace 1.2.0, format_version 0.4; legacy: 0.4.18, json_format_version 0.2).
 */
export function writeConfigSpaceJson(definition: SearchSpaceDefinition, format: ConfigSpaceFormat = definition.serialization?.format ?? 'v1'): Json {
  const source = definition.serialization?.format === format ? definition.serialization : undefined;
  const header = source ?? DEFAULT_HEADERS[format];
  const dialect: Dialect = {
    format,
    weightsKey: source?.weightsKey ?? (header.formatVersion >= 0.4 ? 'weights' : 'probabilities'),
    writesQ: source?.writesQ ?? false,
  };
  const body = {
    hyperparameters: definition.hyperparameters.map((hp) => writeHyperparameter(hp, dialect)),
    conditions: (definition.conditions ?? []).map(writeCondition),
    forbiddens: (definition.forbiddens ?? []).map((f) => writeForbidden(f, format)),
    python_module_version: header.pythonModuleVersion,
  };
  if (format === 'v1') return { name: definition.name ?? null, ...body, format_version: header.formatVersion };
  return { ...(definition.name !== undefined ? { name: definition.name } : {}), ...body, json_format_version: header.formatVersion };
}
