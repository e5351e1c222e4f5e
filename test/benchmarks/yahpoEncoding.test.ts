import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { SCENARIO_NAMES, YAHPO_SCENARIOS, yahpoCollection, type ScenarioName } from '../../benchmarks/yahpo/index.js';
import { releaseSurrogateSessions } from '../../benchmarks/yahpo/session.js';
import { encodeInput } from '../../benchmarks/yahpo/surrogate.js';
import { DATA_DIR, skipWithoutYahpo } from '../dataDir.js';

const SHARED = DATA_DIR;
const scenarioFile = (scenario: string, file: string) => path.join(SHARED, 'yahpo', scenario, file);
const encodingOf = (scenario: string) => JSON.parse(readFileSync(scenarioFile(scenario, 'encoding.json'), 'utf8'));

after(releaseSurrogateSessions);

describe('yahpo input encoding (yahpo_gym BenchmarkSet._config_to_xs)', { skip: skipWithoutYahpo() }, () => {
  it('lcbench: x_cat = [instance code], x_cont = raw values in cont_names order', () => {
    const values = { OpenML_task_id: '3945', epoch: 17, batch_size: 171, learning_rate: 0.00048, momentum: 0.117, weight_decay: 0.038, num_layers: 2, max_units: 157, max_dropout: 0.75 };
    const { xCat, xCont } = encodeInput(YAHPO_SCENARIOS.lcbench, encodingOf('lcbench'), values);
    assert.deepEqual([...xCat], [34]); // encoding.json: "3945": 34 (codes follow sorted strings, not config_space order)
    assert.deepEqual([...xCont], [17, 171, 0.00048, 0.117, 0.038, 2, 157, 0.75].map(Math.fround));
  });

  it('rbv2_xgboost: inactive numeric inputs are 0, absent categoricals take the #na# code', () => {
    const encoding = encodingOf('rbv2_xgboost');
    const values = { task_id: '12', booster: 'gblinear', alpha: 0.5, lambda: 2, nrounds: 100, subsample: 0.6, trainsize: 0.5, repl: 3 };
    const { xCat, xCont } = encodeInput(YAHPO_SCENARIOS.rbv2_xgboost, encoding, values);
    assert.deepEqual([...xCat], [encoding.task_id['12'], encoding.booster.gblinear, encoding['num.impute.selected.cpo']['#na#']]);
    assert.equal(encoding['num.impute.selected.cpo']['#na#'], 0);
    // nrounds eta gamma lambda alpha subsample max_depth min_child_weight colsample_bytree colsample_bylevel rate_drop skip_drop trainsize repl
    assert.deepEqual([...xCont], [100, 0, 0, 2, 0.5, 0.6, 0, 0, 0, 0, 0, 0, 0.5, 3].map(Math.fround));
  });

  it('every scenario: the ONNX graph scales x_cont column i with the training range of cont_names[i]', () => {
    for (const scenario of SCENARIO_NAMES) {
      const columns = xContTransforms(readFileSync(scenarioFile(scenario, 'model.onnx')));
      const space = JSON.parse(readFileSync(scenarioFile(scenario, 'config_space.json'), 'utf8')).hyperparameters as Array<{ name: string; lower: number; upper: number }>;
      assert.equal(columns.length, YAHPO_SCENARIOS[scenario].contNames.length, scenario);
      YAHPO_SCENARIOS[scenario].contNames.forEach((name, i) => {
        const hp = space.find((h) => h.name === name)!;
        const [low, high] = columns[i].range;
        // The training data covers the parameter's range (up to missing values filled with 0 and slightly narrower samples).
        const overlap = (Math.min(high, hp.upper) - Math.max(low, hp.lower)) / (hp.upper - hp.lower);
        assert.ok(overlap > 0.6, `${scenario} x_cont[${i}] spans [${low}, ${high}] in training, but ${name} is [${hp.lower}, ${hp.upper}]`);
      });
    }
  });

  it('the graph itself log-transforms inputs (so yahpo_gym, and we, pass raw values)', () => {
    const kinds = (s: ScenarioName) => xContTransforms(readFileSync(scenarioFile(s, 'model.onnx'))).map((c) => c.kind);
    assert.deepEqual(kinds('lcbench'), ['log', 'linear', 'log', 'linear', 'log', 'linear', 'linear', 'linear']);
    assert.deepEqual(kinds('iaml_glmnet'), ['linear', 'log', 'log']);
  });
});

describe('yahpo pinned outputs (regression guard)', { skip: skipWithoutYahpo() }, () => {
  // Values this implementation produced with onnxruntime-node 1.30 (CPU) once the checks in yahpoValues.test.ts held.
  const PINNED: Array<[string, Record<string, number | string>, number | undefined, Record<string, number>]> = [
    ['yahpo/lcbench/3945/epoch', { batch_size: 91, learning_rate: 0.0031622777, max_dropout: 0.5, max_units: 256, momentum: 0.545, num_layers: 3, weight_decay: 0.050005 }, 10,
      { time: 68.121, val_accuracy: 90.697, val_cross_entropy: 0.45688 }],
    ['yahpo/rbv2_rpart/40499/None', { cp: 0.001, maxdepth: 30, minbucket: 1, minsplit: 20, 'num.impute.selected.cpo': 'impute.mean' }, undefined,
      { acc: 0.8834, timetrain: 1.5214, memory: 346.57 }],
    ['yahpo/iaml_glmnet/1067/None', { alpha: 1, s: 0.01 }, undefined, { mmce: 0.14021, auc: 0.8203, nf: 8 }],
  ];
  for (const [id, config, fidelity, expected] of PINNED) {
    it(id, async () => {
      const task = await yahpoCollection.create(id, { dataDir: SHARED });
      const value = await task.evaluate({ config, fidelity });
      for (const [metric, x] of Object.entries(expected)) {
        const got = (value.info?.metrics as Record<string, number> | undefined)?.[metric] ?? NaN;
        assert.ok(Math.abs(got - x) <= 1e-4 * Math.max(1, Math.abs(x)), `${metric}: ${got} vs ${x}`);
      }
    });
  }
});

// ---- A minimal ONNX (protobuf) reader: just enough to see how the graph transforms each x_cont column. ----

type Field = { field: number; value: number | Uint8Array };

function* protoFields(buf: Uint8Array): Generator<Field> {
  let at = 0;
  const varint = () => {
    let result = 0;
    for (let shift = 1; ; shift *= 128) {
      const byte = buf[at++];
      result += (byte & 0x7f) * shift;
      if (byte < 0x80) return result;
    }
  };
  while (at < buf.length) {
    const key = varint();
    const wire = key % 8;
    const field = Math.floor(key / 8);
    if (wire === 0) yield { field, value: varint() };
    else if (wire === 1 || wire === 5) yield { field, value: buf.subarray(at, (at += wire === 1 ? 8 : 4)) };
    else if (wire === 2) {
      const length = varint();
      yield { field, value: buf.subarray(at, (at += length)) };
    } else throw new Error(`protobuf wire type ${wire}`);
  }
}

const sub = (buf: Uint8Array, field: number) => [...protoFields(buf)].filter((f) => f.field === field).map((f) => f.value as Uint8Array);
const str = (bytes: Uint8Array) => Buffer.from(bytes).toString('utf8');

/** First element of a TensorProto (raw_data; float32, int64 or float64). */
function scalar(tensor: Uint8Array): number {
  const type = [...protoFields(tensor)].find((f) => f.field === 2)?.value as number;
  const raw = Buffer.from(sub(tensor, 9)[0]);
  return type === 1 ? raw.readFloatLE(0) : type === 7 ? Number(raw.readBigInt64LE(0)) : raw.readDoubleLE(0);
}

interface ColumnTransform { kind: 'linear' | 'log' | 'negexp'; range: [number, number] }

/** For each x_cont column (by index): the ops between `Gather(x_cont, i)` and its Unsqueeze, read as min/range scaling. */
function xContTransforms(model: Uint8Array): ColumnTransform[] {
  const graph = sub(model, 7)[0];
  const constants = new Map<string, number>();
  const nodes: Array<{ op: string; inputs: string[]; output: string }> = [];
  for (const node of sub(graph, 1)) {
    const op = str(sub(node, 4)[0]);
    const output = str(sub(node, 2)[0]);
    if (op === 'Constant') constants.set(output, scalar(sub(sub(node, 5)[0], 5)[0]));
    else nodes.push({ op, inputs: sub(node, 1).map(str), output });
  }
  const columns: ColumnTransform[] = [];
  for (const gather of nodes.filter((n) => n.op === 'Gather' && n.inputs[0] === 'x_cont')) {
    const chain: Array<{ op: string; c?: number }> = [];
    for (let value = gather.output; ; ) {
      const next = nodes.find((n) => n.inputs.includes(value))!;
      if (next.op === 'Unsqueeze' || next.op === 'Concat') break;
      chain.push({ op: next.op, c: next.inputs.map((i) => constants.get(i)).find((c) => c !== undefined) });
      value = next.output;
    }
    const last = (op: string) => chain.filter((s) => s.op === op).at(-1)?.c ?? NaN;
    const [min, width] = [last('Sub'), last('Div')];
    const kind = chain.some((s) => s.op === 'Log') ? 'log' : chain.some((s) => s.op === 'Exp') ? 'negexp' : 'linear';
    // negexp: y = exp(-x / scale), scaled by (y - min) / width; invert the ends back to x.
    const scale = chain.find((s) => s.op === 'Div')?.c ?? 1;
    const range: [number, number] = kind === 'log' ? [Math.exp(min), Math.exp(min + width)]
      : kind === 'negexp' ? [-scale * Math.log(min + width), -scale * Math.log(min)] : [min, min + width];
    columns[constants.get(gather.inputs[1])!] = { kind, range };
  }
  return columns;
}
