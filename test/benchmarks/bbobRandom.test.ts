import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { accurateCos, accurateLog } from '../../benchmarks/bbob/accurateMath.js';
import { computeFopt, computeXopt, instanceSeed } from '../../benchmarks/bbob/instance.js';
import { legacyGauss, legacyUniform } from '../../benchmarks/bbob/legacyRandom.js';
import { computeRotation } from '../../benchmarks/bbob/rotation.js';

/** One ulp of a double near v (for |v| not a power of two). */
function ulp(v: number): number {
  return Math.pow(2, Math.floor(Math.log2(Math.abs(v))) - 52);
}

describe('bbob legacy generators', () => {
  // Values printed by COCO's bbob2009_unif, bbob2009_gauss and bbob2009_compute_xopt (gcc, glibc).
  it('bbob2009_unif', () => {
    assert.deepEqual(Array.from(legacyUniform(5, 1)), [0.41599935685098144, 0.091964890757559287, 0.75641048595142113, 0.52970019333516261, 0.93043649472782231]);
    assert.deepEqual(Array.from(legacyUniform(3, 2000025)), [0.9351894086856346, 0.74253165616771744, 0.54688908650860613]);
  });

  it('bbob2009_gauss', () => {
    assert.deepEqual(Array.from(legacyGauss(4, 1000001)), [0.44758288770274779, -0.37081605073645341, 0.47243631697994892, -1.5027889029883519]);
  });

  it('bbob2009_compute_xopt', () => {
    assert.deepEqual(Array.from(computeXopt(10001, 5)), [0.25279999999999969, -1.1568000000000001, -0.7240000000000002, 1.9264000000000001, -2.6808000000000001]);
  });

  it('seeds: f + 10000 k, with f4 on 3 and f18 on 17', () => {
    assert.equal(instanceSeed(1, 0), 1);
    assert.equal(instanceSeed(24, 2), 20024);
    assert.equal(instanceSeed(4, 1), 10003);
    assert.equal(instanceSeed(18, 3), 30017);
    assert.equal(computeFopt(4, 5), computeFopt(3, 5));
    assert.equal(computeFopt(18, 5), computeFopt(17, 5));
  });

  it('rotations are orthogonal', () => {
    for (const d of [2, 7, 40]) {
      const r = computeRotation(12345, d);
      for (let i = 0; i < d; i++) {
        for (let j = 0; j < d; j++) {
          let dot = 0;
          for (let k = 0; k < d; k++) dot += r[k * d + i] * r[k * d + j];
          assert.ok(Math.abs(dot - (i === j ? 1 : 0)) < 1e-13, `column ${i} . column ${j} = ${dot}`);
        }
      }
    }
  });
});

describe('correctly rounded log and cos', () => {
  it('round where Math.log may not', () => {
    // ln(0.9357913252598565) = -0.066362770458495763653..., nearer to ...576 than to ...577.
    assert.equal(accurateLog(0.9357913252598565), -0.06636277045849576);
    assert.equal(accurateLog(1), 0);
    assert.equal(accurateLog(2), Math.LN2);
    assert.equal(accurateLog(1e-99), -227.95592420641051); // ln(1e-99) = -227.955924206410522698...
  });

  it('stay within one ulp of Math.log and Math.cos', () => {
    const uniforms = legacyUniform(20000, 7);
    for (const u of uniforms) {
      const l = accurateLog(u);
      assert.ok(Math.abs(l - Math.log(u)) <= ulp(l), `log(${u})`);
      const x = 2 * Math.PI * u;
      const c = accurateCos(x);
      assert.ok(Math.abs(c - Math.cos(x)) <= Math.max(ulp(c), 1e-300), `cos(${x})`);
    }
    assert.equal(accurateCos(0), 1);
    assert.equal(accurateCos(Math.PI), -1);
  });
});
