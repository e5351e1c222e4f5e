import assert from 'node:assert/strict';
import { test } from 'node:test';
import { erfc, erfcx, erfcxReference, logNormalCdf, normalCdf } from '../../core/index.js';
import { logExpectedImprovement, logExpectedImprovementOfExp, logGaussMass, logH, dLogH } from '../../optimizers/models/normal.js';

/** Reference values: closed forms evaluated with mpmath at 50 digits. */
function close(actual: number, expected: number, rel = 1e-12, where = ''): void {
  const err = Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-300);
  assert.ok(err <= rel, `${where}: ${actual} vs ${expected} (relative error ${err})`);
}

test('erfc matches reference values, including the far right tail', () => {
  close(erfc(0.5), 0.47950012218695346, 1e-14, 'erfc(0.5)');
  close(erfc(2), 0.0046777349810472658, 1e-14, 'erfc(2)');
  close(erfc(10), 2.0884875837625448e-45, 1e-13, 'erfc(10)');
  close(erfc(-1), 1.8427007929497149, 1e-14, 'erfc(-1)');
  close(erfc(0), 1, 1e-15, 'erfc(0)');
});

test('fast erfcx agrees with the slow reference over its whole range', () => {
  for (const x of [0, 1e-6, 0.3, 0.99, 1, 1.7, 2, 3.3, 7, 25, 1e3, 1e6, 1e9]) close(erfcx(x), erfcxReference(x), 5e-15, `erfcx(${x})`);
  close(erfcx(10), 0.05614099274382259, 1e-14, 'erfcx(10)');
});

test('normal CDF and its log stay accurate in both tails', () => {
  close(normalCdf(0), 0.5, 1e-15, 'Phi(0)');
  close(normalCdf(1.96), 0.9750021048517795, 1e-14, 'Phi(1.96)');
  close(logNormalCdf(-40), -804.60844201375379, 1e-14, 'log Phi(-40)');
  close(logNormalCdf(-5), -15.064998393988726, 1e-14, 'log Phi(-5)');
  close(logNormalCdf(0), -0.69314718055994531, 1e-15, 'log Phi(0)');
  close(logNormalCdf(3), -0.0013508099647481938, 1e-12, 'log Phi(3)');
  close(logNormalCdf(10), -7.6198530241605261e-24, 1e-9, 'log Phi(10)');
});

test('logGaussMass: central, right-tail, far-left-tail and narrow intervals', () => {
  close(logGaussMass(-1, 1), -0.38171514630212607, 1e-14, '[-1, 1]');
  close(logGaussMass(3, 4), -6.6314677865382251, 1e-13, '[3, 4]');
  close(logGaussMass(-30, -29), -424.78741990973031, 1e-14, '[-30, -29]');
  close(logGaussMass(-0.5, 20), -0.36894641528865639, 1e-14, '[-0.5, 20]');
  close(logGaussMass(8, 9), -35.013618593437148, 1e-13, '[8, 9]');
});

test('log h(z) = log(phi(z) + z Phi(z)) from z = 5 down to z = -1000', () => {
  close(logH(0), -0.91893853320467274, 1e-15, 'z=0'); // log(1/sqrt(2 pi))
  close(logH(1), 0.08002621884930694, 1e-14, 'z=1');
  close(logH(-1), -2.4851210257126413, 1e-14, 'z=-1');
  close(logH(-5), -16.74430116266099, 1e-13, 'z=-5');
  close(logH(-20), -206.9178385094251, 1e-13, 'z=-20');
  close(logH(-40), -808.29856835661996, 1e-13, 'z=-40');
  close(logH(-1000), -500014.73445209116, 1e-13, 'z=-1000');
  close(logH(5), 1.6094379231264314, 1e-14, 'z=5');
  // d log h / dz by central differences
  for (const z of [-30, -3, -0.5, 0.7, 4]) {
    const eps = 1e-5;
    const fd = (logH(z + eps) - logH(z - eps)) / (2 * eps);
    close(dLogH(z, logH(z)), fd, 1e-6, `dlogh(${z})`);
  }
});

test('log EI: sigma h((best - mu) / sigma), and its log-normal variant (SMAC EI(log=True))', () => {
  // EI at z = 0 is sigma phi(0).
  close(logExpectedImprovement(2, 3, 2), Math.log(3) - 0.5 * Math.log(2 * Math.PI), 1e-14, 'z=0');
  close(logExpectedImprovement(1.5, 2, -1.5), -2.8367887402457645, 1e-14, 'z=-1.5');
  close(logExpectedImprovementOfExp(0, 1, 0), -1.4337142903236976, 1e-12, '(0, 1, 0)');
  close(logExpectedImprovementOfExp(1, 0.5, 0.2), -4.4307365897413924, 1e-11, '(1, 0.5, 0.2)');
  close(logExpectedImprovementOfExp(-3, 0.1, -1), -1.1461983137368102, 1e-12, '(-3, 0.1, -1)');
  close(logExpectedImprovementOfExp(2, 0.3, -2), -98.230784565991206, 1e-9, 'far tail');
});
