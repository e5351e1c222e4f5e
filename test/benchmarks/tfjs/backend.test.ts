/**
 * The backend chain with the native packages absent (as on every machine without internet at
 * install time) and with stand-in modules for them: one that fails to load, one that loads.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { DataMissingError, UnknownNameError } from '../../../core/index.js';
import { BACKEND_ENV, forcedBackend, importModule, plannedBackend, selectBackend, type ModuleImporter } from '../../../benchmarks/tfjs/backend.js';

const FAILS = new URL('../../fixtures/tfjs/nativeLoadFails.js', import.meta.url).href;
const LOADS = new URL('../../fixtures/tfjs/nativeLoads.js', import.meta.url).href;
const NATIVE = ['@tensorflow/tfjs-node-gpu', '@tensorflow/tfjs-node'];

/** Resolver: the packages installed here, plus the given stand-ins. */
const installed = (...extra: string[]) => (specifier: string) => extra.includes(specifier) || !NATIVE.includes(specifier);
/** Importer: stand-in modules for the native packages, the real ones otherwise. */
const importer = (map: Record<string, string>): ModuleImporter => (specifier) => importModule(map[specifier] ?? specifier);

test('without the native packages the chain falls to wasm, saying why it passed over each', async () => {
  const active = await selectBackend({ resolver: installed() });
  assert.equal(active.name, 'wasm');
  assert.equal(active.gpu, false);
  assert.deepEqual(active.skipped, ['node-gpu: not installed', 'node: not installed']);
  assert.equal(plannedBackend(installed(), {}), 'wasm');
});

test('a native package that is installed but fails to load is passed over, with its error', async () => {
  const active = await selectBackend({ resolver: installed(...NATIVE), importer: importer({ '@tensorflow/tfjs-node-gpu': FAILS, '@tensorflow/tfjs-node': FAILS }) });
  assert.equal(active.name, 'wasm');
  assert.match(active.skipped[0], /^node-gpu: libtensorflow\.so\.2: cannot open shared object file/);
  assert.match(active.skipped[1], /^node: libtensorflow/);
  // Planning (no load) still points at the native package: its load is tried where it runs.
  assert.equal(plannedBackend(installed(...NATIVE), {}), 'node-gpu');
});

test('forcing a backend that is not installed says how to install it; one that does not load says so', async () => {
  await assert.rejects(selectBackend({ forced: 'node-gpu', resolver: installed() }), (error: Error) =>
    error instanceof DataMissingError && /not installed.*npm install @tensorflow\/tfjs-node-gpu@4\.22\.0.*CUDA/.test(error.message));
  assert.throws(() => plannedBackend(installed(), { [BACKEND_ENV]: 'node' }), /npm install @tensorflow\/tfjs-node@/);
  await assert.rejects(selectBackend({ forced: 'node', resolver: installed(...NATIVE), importer: importer({ '@tensorflow/tfjs-node': FAILS }) }), (error: Error) =>
    error instanceof DataMissingError && /installed but does not load: libtensorflow/.test(error.message));
});

test('an unknown backend name lists the valid ones', () => {
  assert.throws(() => forcedBackend({ [BACKEND_ENV]: 'cuda' }), (error: Error) => error instanceof UnknownNameError && /auto, node-gpu, node, wasm, cpu/.test(error.message));
  assert.equal(forcedBackend({ [BACKEND_ENV]: 'auto' }), undefined);
  assert.equal(forcedBackend({}), undefined);
});

test('node-gpu that loads without seeing a GPU is passed over for node; with a GPU it is chosen', async () => {
  const stand = importer({ '@tensorflow/tfjs-node-gpu': LOADS, '@tensorflow/tfjs-node': LOADS });
  const cpuOnly = await selectBackend({ resolver: installed(...NATIVE), importer: stand });
  assert.equal(cpuOnly.name, 'node');
  assert.match(cpuOnly.skipped[0], /sees no GPU/);
  assert.equal(tf.getBackend(), 'tensorflow');
  // A fresh backend instance (the stand-in module stays loaded; its factory reads STAND_IN_GPU).
  const factory = tf.findBackendFactory('tensorflow');
  tf.removeBackend('tensorflow');
  tf.registerBackend('tensorflow', factory);
  process.env.STAND_IN_GPU = '1';
  try {
    const gpu = await selectBackend({ resolver: installed(...NATIVE), importer: stand });
    assert.deepEqual([gpu.name, gpu.gpu], ['node-gpu', true]);
  } finally {
    delete process.env.STAND_IN_GPU;
    tf.removeBackend('tensorflow');
  }
});
