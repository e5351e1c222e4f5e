import { SpecError, UnknownNameError } from '../../core/index.js';

/** Ids follow CARP-S: bbob/{dimension}/{function id}/{instance}. */
export const ID_PREFIX = 'bbob/';
export const FUNCTION_IDS: readonly number[] = Array.from({ length: 24 }, (_, i) => i + 1);
/** BBOB's scalings use i / (d - 1). */
export const MIN_DIMENSION = 2;
/** Far beyond BBOB's usual 40; construction is O(d^3) (about 10 s at d = 1000). */
export const MAX_DIMENSION = 1000;
/** Keeps every seed (f + 10000 k + 1e6) below 2^31 - 1, where the legacy generator is defined. */
export const MAX_INSTANCE = 200000;

/** The task set CARP-S ships (carps/configs/task/BBOB): 5 dimensions x 24 functions x 3 instances. */
export const CARPS_DIMENSIONS: readonly number[] = [2, 4, 8, 16, 32];
export const CARPS_INSTANCES: readonly number[] = [0, 1, 2];

export interface BbobTaskKey {
  readonly dimension: number;
  readonly fid: number;
  readonly instance: number;
}

export function formatTaskId({ dimension, fid, instance }: BbobTaskKey): string {
  return `${ID_PREFIX}${dimension}/${fid}/${instance}`;
}

/** Parses and checks a BBOB task id; throws SpecError / UnknownNameError naming the bad part and what is valid. */
export function parseTaskId(id: string): BbobTaskKey {
  const parts = id.startsWith(ID_PREFIX) ? id.slice(ID_PREFIX.length).split('/') : [];
  if (parts.length !== 3) {
    throw new SpecError(`'${id}' is not a BBOB task id: expected bbob/{dimension}/{function}/{instance}, e.g. bbob/2/1/0.`);
  }
  const [dimensionText, fidText, instanceText] = parts;
  const where = ` in '${id}'`;
  if (!isPlainInteger(fidText)) throw unknownFunction(fidText, where);
  for (const [what, text] of [['dimension', dimensionText], ['instance', instanceText]] as const) {
    if (!isPlainInteger(text)) {
      throw new SpecError(`BBOB ${what} '${text}'${where} is not a plain integer (decimal digits, no sign or leading zero); valid: ${validRange(what)}.`);
    }
  }
  const key = { dimension: Number(dimensionText), fid: Number(fidText), instance: Number(instanceText) };
  checkTaskKey(key, where);
  return key;
}

/** Throws SpecError / UnknownNameError unless fid is 1..24, dimension 2..1000 and instance 0..200000 (integers). */
export function checkTaskKey({ dimension, fid, instance }: BbobTaskKey, where = ''): void {
  if (!FUNCTION_IDS.includes(fid)) throw unknownFunction(String(fid), where);
  if (!Number.isInteger(dimension) || dimension < MIN_DIMENSION || dimension > MAX_DIMENSION) {
    throw new SpecError(`BBOB dimension ${dimension}${where} is out of range; valid: ${validRange('dimension')}.`);
  }
  if (!Number.isInteger(instance) || instance < 0 || instance > MAX_INSTANCE) {
    throw new SpecError(`BBOB instance ${instance}${where} is out of range; valid: ${validRange('instance')}.`);
  }
}

function unknownFunction(text: string, where: string): UnknownNameError {
  return new UnknownNameError(`BBOB function id${where}:`, text, FUNCTION_IDS.map(String));
}

function validRange(what: 'dimension' | 'instance'): string {
  return what === 'dimension'
    ? `integers ${MIN_DIMENSION}..${MAX_DIMENSION} (CARP-S lists ${CARPS_DIMENSIONS.join(', ')})`
    : `integers 0..${MAX_INSTANCE} (CARP-S lists ${CARPS_INSTANCES.join(', ')})`;
}

function isPlainInteger(text: string): boolean {
  return /^(0|[1-9][0-9]*)$/.test(text);
}
