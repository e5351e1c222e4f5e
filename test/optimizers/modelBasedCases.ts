import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SearchSpace, type Optimizer, type OptimizerFactory, type TaskView, type TrialInfo, type TrialValue } from '../../core/index.js';

/** Shared checks of the model-based optimizers (gp, rf) on a conditional, mixed space with forbiddens and crashes. */
export const ask = (o: Optimizer) => o.ask() as TrialInfo;
export const ok = (cost: number): TrialValue => ({ cost, status: 'ok', wallTime: 0, virtualTime: 0 });
export const view = (space: SearchSpace, nTrials = 40): TaskView => ({ space, objectives: [{ name: 'f', direction: 'minimize' }], budget: { nTrials }, type: 'blackbox' });

export const mixed = new SearchSpace({
  hyperparameters: [
    { type: 'categorical', name: 'model', choices: ['linear', 'tree'], default: 'linear' },
    { type: 'float', name: 'alpha', lower: 1e-5, upper: 1, log: true, default: 0.01 },
    { type: 'int', name: 'depth', lower: 1, upper: 12, log: false, default: 3 },
    { type: 'ordinal', name: 'size', sequence: ['s', 'm', 'l'], default: 'm' },
    { type: 'float', name: 'frac', lower: 0, upper: 1, log: false, default: 0.5, q: 0.1 },
    { type: 'constant', name: 'seed', value: 7 },
  ],
  conditions: [
    { child: 'alpha', clause: { type: 'EQ', parent: 'model', value: 'linear' } },
    { child: 'depth', clause: { type: 'EQ', parent: 'model', value: 'tree' } },
  ],
  forbiddens: [{ type: 'AND', clauses: [{ type: 'EQUALS', name: 'model', value: 'tree' }, { type: 'EQUALS', name: 'size', value: 'l' }] }],
});

export const cost = (c: TrialInfo['config']) =>
  (c.model === 'linear' ? Math.abs(Math.log10(c.alpha as number) + 2) : Math.abs((c.depth as number) - 4) / 3 + 0.2) + ((c.frac as number) - 0.3) ** 2 + (c.size === 'm' ? 0 : 0.3);

export function modelBasedCases(factory: OptimizerFactory): void {
  test(`${factory.name}: conditional, mixed space with forbiddens and crashes: valid, new proposals and an improving incumbent`, () => {
    const o = factory.create(view(mixed), 5, {});
    const seen = new Set<string>();
    for (let i = 0; i < 35; i++) {
      const info = ask(o);
      mixed.validate(info.config);
      assert.ok(!mixed.isForbidden(info.config), JSON.stringify(info.config));
      const key = JSON.stringify(info.config);
      assert.ok(!seen.has(key), `trial ${i} repeats ${key}`);
      seen.add(key);
      const value: TrialValue = i % 7 === 3 ? { cost: NaN, status: 'crashed', wallTime: 0, virtualTime: 0 } : i % 11 === 5 ? ok(Infinity) : ok(cost(info.config));
      o.tell(info, value);
    }
    const best = o.incumbent()[0].cost as number;
    assert.ok(Number.isFinite(best) && best < 0.6, `incumbent ${best}`);
  });

  test(`${factory.name}: only crashed trials so far: keeps sampling at random without failing`, () => {
    const o = factory.create(view(mixed, 12), 1, {});
    for (let i = 0; i < 12; i++) {
      const info = ask(o);
      mixed.validate(info.config);
      o.tell(info, { cost: NaN, status: 'crashed', wallTime: 0, virtualTime: 0 });
    }
    assert.equal(o.incumbent().length, 0);
  });

  test(`${factory.name}: same seed, same trials; different seeds differ`, () => {
    const run = (seed: number) => {
      const o = factory.create(view(mixed, 20), seed, {});
      return Array.from({ length: 20 }, () => {
        const info = ask(o);
        o.tell(info, ok(cost(info.config)));
        return info.config;
      });
    };
    assert.deepEqual(run(3), run(3));
    assert.notDeepEqual(run(3), run(4));
  });
}
