/**
 * Writes a tiny ONNX model with a YAHPO surrogate's interface: inputs `x_cat` (int32 [N, k]) and
 * `x_cont` (float32 [N, m]), output `output` (float32 [N, n]) = float(x_cat) Wcat + x_cont Wcont.
 * Known weights make every output a checkable function of every input column, so a task's
 * plumbing (columns, instance, fidelities, metric choice, signs, runtime) can be tested on
 * scenarios whose real model is not at hand. Protobuf is written by hand (ONNX's onnx.proto field numbers).
 */

function varint(n: number): number[] {
  const out: number[] = [];
  for (; n > 127; n = Math.floor(n / 128)) out.push((n % 128) | 128);
  out.push(n);
  return out;
}

/** One protobuf field: a varint for numbers, length-delimited for strings, bytes and sub-messages. */
function field(number: number, value: number | string | Buffer): Buffer {
  if (typeof value === 'number') return Buffer.from([...varint(number * 8), ...varint(value)]);
  const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
  return Buffer.concat([Buffer.from([...varint(number * 8 + 2), ...varint(bytes.length)]), bytes]);
}

const message = (...fields: Buffer[]) => Buffer.concat(fields);

const FLOAT = 1;
const INT32 = 6;

/** ValueInfoProto of a rank-2 tensor with a symbolic batch dimension. */
function tensorInfo(name: string, elemType: number, columns: number): Buffer {
  const shape = message(field(1, message(field(2, 'N'))), field(1, message(field(1, columns))));
  return message(field(1, name), field(2, message(field(1, message(field(1, elemType), field(2, shape))))));
}

function initializer(name: string, rows: number, columns: number, values: readonly number[]): Buffer {
  const raw = Buffer.alloc(values.length * 4);
  values.forEach((v, i) => raw.writeFloatLE(v, i * 4));
  return message(field(1, rows), field(1, columns), field(2, FLOAT), field(8, name), field(9, raw));
}

function node(op: string, inputs: readonly string[], output: string, attributes: Buffer[] = []): Buffer {
  return message(...inputs.map((i) => field(1, i)), field(2, output), field(3, output), field(4, op), ...attributes.map((a) => field(5, a)));
}

/** Weight of x_cat column i (or x_cont column i) for output j: small exact floats, different per column and output. */
export const catWeight = (i: number, j: number) => 1 + ((i * 7 + j * 3) % 11);
export const contWeight = (i: number, j: number) => 0.5 + ((i * 5 + j) % 7) / 4;

export function syntheticSurrogate(nCat: number, nCont: number, nOut: number): Buffer {
  const weights = (rows: number, w: (i: number, j: number) => number) =>
    Array.from({ length: rows * nOut }, (_, k) => w(Math.floor(k / nOut), k % nOut));
  const castToFloat = message(field(1, 'to'), field(3, FLOAT), field(20, 2));
  const graph = message(
    field(1, node('Cast', ['x_cat'], 'cat_float', [castToFloat])),
    field(1, node('MatMul', ['cat_float', 'w_cat'], 'from_cat')),
    field(1, node('MatMul', ['x_cont', 'w_cont'], 'from_cont')),
    field(1, node('Add', ['from_cat', 'from_cont'], 'output')),
    field(2, 'synthetic_yahpo'),
    field(5, initializer('w_cat', nCat, nOut, weights(nCat, catWeight))),
    field(5, initializer('w_cont', nCont, nOut, weights(nCont, contWeight))),
    field(11, tensorInfo('x_cat', INT32, nCat)),
    field(11, tensorInfo('x_cont', FLOAT, nCont)),
    field(12, tensorInfo('output', FLOAT, nOut)),
  );
  return message(field(1, 7), field(2, 'hpoarena-test'), field(7, graph), field(8, message(field(1, ''), field(2, 13))));
}
