import assert from 'node:assert/strict';

/** |actual - expected| <= max(rel * |expected|, abs). */
export function assertClose(actual: number, expected: number, rel = 1e-9, abs = 0, message = ''): void {
  const tolerance = Math.max(rel * Math.abs(expected), abs);
  assert.ok(Math.abs(actual - expected) <= tolerance, `${message} expected ${expected}, got ${actual} (tolerance ${tolerance})`);
}
