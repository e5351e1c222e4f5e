import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LineSplitter } from '../../optimizers/external/lineSplitter.js';

test('LineSplitter: lines split across chunks arrive whole, several in one chunk arrive in order, blank lines and an unfinished tail are held back', () => {
  const lines: string[] = [];
  const splitter = new LineSplitter((line) => lines.push(line));
  splitter.push('{"type":"as');
  assert.deepEqual(lines, []);
  splitter.push('k","id":1}\n{"id":2}\n\n   \n{"id"');
  assert.deepEqual(lines, ['{"type":"ask","id":1}', '{"id":2}']);
  splitter.push(':3}\r\n');
  assert.deepEqual(lines, ['{"type":"ask","id":1}', '{"id":2}', '{"id":3}\r']);
});
