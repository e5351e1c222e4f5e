/**
 * Every YAHPO scenario's input layout, checked from its published metadata (config_space.json,
 * encoding.json, param_set.R) without its model: the structure a wrong column list, a wrong parameter
 * name or a wrong output direction would break. The graph-level checks of the four scenarios whose
 * model.onnx is at hand are in yahpoEncoding.test.ts.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { Rng, SearchSpace, type Value } from '../../core/index.js';
import { loadScenarioData, optimizedParams, SCENARIO_NAMES, YAHPO_SCENARIOS, yahpoTaskSpecs } from '../../benchmarks/yahpo/index.js';
import { encodeInput, NA_CATEGORY } from '../../benchmarks/yahpo/surrogate.js';
import { metadataDir, readMetadata, skipWithout } from './yahpoData.js';

const skip = skipWithout('yahpo-configs');

/** CARP-S's LOWER_IS_BETTER (carps/objective_functions/yahpo.py) for the metrics its YAHPO tasks optimize. */
const CARPS_LOWER_IS_BETTER: Readonly<Record<string, boolean>> = {
  mmce: true, f1: false, nf: true, ias: true, rammodel: true, val_accuracy: false, val_cross_entropy: true, acc: false, memory: true,
};

/** `name = p_xxx(...)` entries of one `ps(...)` block of param_set.R, in order. */
function paramSetBlock(source: string, block: string): Array<{ name: string; kind: string; rest: string }> {
  const start = source.search(new RegExp(`^${block} = ps\\(`, 'm'));
  if (start < 0) return [];
  const end = source.indexOf('\n)\n', start);
  const body = source.slice(start, end < 0 ? undefined : end);
  return [...body.matchAll(/^\s*`?([\w.]+)`?\s*=\s*p_(dbl|int|fct|lgl)\(([^\n]*)/gm)].map((m) => ({ name: m[1], kind: m[2], rest: m[3] }));
}

describe('every YAHPO scenario, from its metadata', { skip }, () => {
  for (const name of SCENARIO_NAMES) {
    const scenario = YAHPO_SCENARIOS[name];
    const json = () => JSON.parse(readMetadata(name, 'config_space.json'));
    const encoding = () => JSON.parse(readMetadata(name, 'encoding.json')) as Record<string, Record<string, number>>;

    it(`${name}: x_cat columns are the categorical parameters, x_cont the numeric ones`, () => {
      const space = SearchSpace.fromConfigSpaceJson(json());
      assert.equal(new Set([...scenario.catNames, ...scenario.contNames]).size, scenario.catNames.length + scenario.contNames.length, 'no column twice');
      for (const column of scenario.catNames) assert.equal(space.get(column)?.type, 'categorical', `${name} x_cat '${column}'`);
      for (const column of scenario.contNames) assert.match(space.get(column)?.type ?? 'absent', /^(int|float)$/, `${name} x_cont '${column}'`);
      for (const fidelity of scenario.fidelityParams) assert.ok(scenario.contNames.includes(fidelity), `${name} fidelity ${fidelity} is an x_cont column`);
      assert.ok(scenario.outputs.some((o) => o.name === scenario.runtimeName), `${name} runtime output`);
    });

    it(`${name}: encoding.json codes every categorical column as fastai's Categorify ('#na#' 0, then sorted strings)`, () => {
      const codes = encoding();
      const space = SearchSpace.fromConfigSpaceJson(json());
      assert.deepEqual(Object.keys(codes).sort(), [...scenario.catNames].sort());
      for (const column of scenario.catNames) {
        const hp = space.get(column);
        const values = hp?.type === 'categorical' ? hp.choices.map(String) : [];
        assert.equal(codes[column][NA_CATEGORY], 0, `${name} ${column} #na#`);
        for (const value of values) assert.equal(typeof codes[column][value], 'number', `${name} ${column}: a code for '${value}'`);
        // The codes cover the training data's levels (lcbench's also has an instance config_space.json dropped, 167083).
        const levels = Object.keys(codes[column]).filter((k) => k !== NA_CATEGORY).sort();
        levels.forEach((value, i) => assert.equal(codes[column][value], i + 1, `${name} ${column} '${value}'`));
      }
    });

    it(`${name}: the optimizer's space drops the instance and fidelities, and every sampled config encodes`, () => {
      const data = loadScenarioData(metadataDir(name), scenario);
      assert.deepEqual([...data.space.names].sort(), optimizedParams(scenario).sort());
      assert.deepEqual(Object.keys(data.fidelities), [...scenario.fidelityParams]);
      assert.deepEqual([...data.instances], [...scenario.instances]);
      const codes = encoding();
      const rng = new Rng(name);
      for (let n = 0; n < 100; n++) {
        const config = data.space.sample(rng);
        data.space.validate(config);
        const values: Record<string, Value> = { ...config, ...Object.fromEntries(Object.entries(data.fidelities).map(([f, r]) => [f, r.upper])) };
        if (scenario.instanceParam) values[scenario.instanceParam] = scenario.instances[n % scenario.instances.length];
        const { xCat, xCont } = encodeInput(scenario, codes, values);
        assert.equal(xCat.length, scenario.catNames.length);
        assert.equal(xCont.length, scenario.contNames.length);
        scenario.catNames.forEach((column, i) => assert.equal(xCat[i], codes[column][values[column] === undefined ? NA_CATEGORY : String(values[column])]));
        scenario.contNames.forEach((column, i) => assert.equal(xCont[i], Math.fround((values[column] as number | undefined) ?? 0)));
        // Inactive conditionals are absent from the config, so they take '#na#' / 0 as yahpo_gym fills them.
        if (Object.keys(config).length < data.space.dimension) assert.ok(xCat.includes(0) || xCont.includes(0), `${name}: inactive inputs filled`);
      }
    });

    const paramSet = path.join(metadataDir(name), 'param_set.R');
    it(`${name}: param_set.R agrees on the x_cont order and the outputs' directions`, { skip: existsSync(paramSet) ? false : 'no param_set.R beside this scenario (its model is here; yahpoEncoding.test.ts reads the graph)' }, () => {
      const source = readMetadata(name, 'param_set.R');
      const numeric = paramSetBlock(source, 'domain').filter((p) => p.kind === 'dbl' || p.kind === 'int').map((p) => p.name);
      if (name === 'iaml_super') {
        // yahpo_gym 1.0.2 (and so CARP-S) feeds the rpart block right after ranger; param_set.R lists it after xgboost.
        // We follow yahpo_gym; the graph check of yahpoEncoding.test.ts settles it where the model is present.
        const rpart = scenario.contNames.filter((c) => c.startsWith('rpart.'));
        const reordered = scenario.contNames.filter((c) => !c.startsWith('rpart.'));
        reordered.splice(reordered.indexOf('trainsize'), 0, ...rpart);
        assert.deepEqual(numeric, reordered);
      } else if (numeric.length > 0) {
        assert.deepEqual(numeric, [...scenario.contNames], name);
      }
      const codomain = paramSetBlock(source, 'codomain');
      assert.deepEqual(codomain.map((o) => o.name).sort(), scenario.outputs.map((o) => o.name).sort());
      for (const output of scenario.outputs) {
        const minimize = /minimize/.test(codomain.find((o) => o.name === output.name)!.rest);
        // yahpo_gym's rbv2 y_minimize marks f1 as minimized; no CARP-S task optimizes rbv2's f1.
        if (name.startsWith('rbv2_') && output.name === 'f1') assert.equal(output.minimize, !minimize);
        else assert.equal(output.minimize, minimize, `${name} ${output.name}`);
      }
    });

    it(`${name}: the metrics CARP-S optimizes point the way CARP-S's LOWER_IS_BETTER does`, () => {
      for (const metric of new Set(yahpoTaskSpecs.filter((t) => t.scenario === name).flatMap((t) => t.metrics))) {
        assert.equal(scenario.outputs.find((o) => o.name === metric)?.minimize, CARPS_LOWER_IS_BETTER[metric], `${name} ${metric}`);
      }
    });
  }
});
