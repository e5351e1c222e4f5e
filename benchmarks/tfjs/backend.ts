/**
 * The backend chain, chosen once per process (TensorFlow.js keeps one engine per thread):
 *   node-gpu  @tensorflow/tfjs-node-gpu, libtensorflow with CUDA (optional dependency)
 *   node      @tensorflow/tfjs-node, libtensorflow on the CPU (optional dependency)
 *   wasm      @tensorflow/tfjs-backend-wasm (XNNPACK kernels)
 *   cpu       @tensorflow/tfjs-backend-cpu (plain JavaScript kernels)
 * The first that loads wins, unless HPOARENA_TFJS_BACKEND (the CLI's --backend) forces one.
 * node-gpu counts only when libtensorflow sees a GPU: without CUDA it would run on the CPU.
 */
import { createRequire } from 'node:module';
import * as tf from '@tensorflow/tfjs';
import { DataMissingError, UnknownNameError } from '../../core/index.js';

export const BACKEND_NAMES = ['node-gpu', 'node', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKEND_NAMES)[number];

/** The environment variable that forces a backend (set by `--backend`, inherited by workers and child processes). */
export const BACKEND_ENV = 'HPOARENA_TFJS_BACKEND';

interface Candidate {
  readonly name: BackendName;
  /** The npm package that provides it. */
  readonly packageName: string;
  /** The name TensorFlow.js registers the backend under. */
  readonly tfName: string;
  /** Native backends load libtensorflow, which cannot be loaded by a second worker thread. */
  readonly native: boolean;
}

export const CANDIDATES: readonly Candidate[] = [
  { name: 'node-gpu', packageName: '@tensorflow/tfjs-node-gpu', tfName: 'tensorflow', native: true },
  { name: 'node', packageName: '@tensorflow/tfjs-node', tfName: 'tensorflow', native: true },
  { name: 'wasm', packageName: '@tensorflow/tfjs-backend-wasm', tfName: 'wasm', native: false },
  { name: 'cpu', packageName: '@tensorflow/tfjs', tfName: 'cpu', native: false },
];

export function candidate(name: BackendName): Candidate {
  return CANDIDATES.find((c) => c.name === name)!;
}

/** How to get a backend that is not installed. */
export function installHint(name: BackendName): string {
  const c = candidate(name);
  const base = `npm install ${c.packageName}@${tf.version_core}`;
  if (name === 'node-gpu') return `${base} (downloads libtensorflow with GPU support at install time: needs internet, Linux x86-64, CUDA 11.2 and cuDNN 8.1; see benchmarks/tfjs/README.md)`;
  if (name === 'node') return `${base} (downloads libtensorflow at install time: needs internet)`;
  return `${base} (a regular dependency of hpoarena: reinstall with 'npm ci')`;
}

/** Loads a module by specifier; tests replace it with stand-ins. */
export type ModuleImporter = (specifier: string) => Promise<unknown>;
export type ModuleResolver = (specifier: string) => boolean;

export const importModule: ModuleImporter = (specifier) => import(specifier);
const require = createRequire(import.meta.url);
export const isInstalled: ModuleResolver = (specifier) => {
  try {
    require.resolve(specifier);
    return true;
  } catch {
    return false;
  }
};

/** Reads HPOARENA_TFJS_BACKEND: undefined for the automatic chain. */
export function forcedBackend(env: NodeJS.ProcessEnv = process.env): BackendName | undefined {
  const value = env[BACKEND_ENV];
  if (value === undefined || value === '' || value === 'auto') return undefined;
  if (!(BACKEND_NAMES as readonly string[]).includes(value)) throw new UnknownNameError('tfjs backend', value, ['auto', ...BACKEND_NAMES]);
  return value as BackendName;
}

/** Checks a forced backend up front: not installed -> one message saying how to install it. */
export function checkInstalled(name: BackendName, resolver: ModuleResolver = isInstalled): void {
  if (!resolver(candidate(name).packageName)) {
    throw new DataMissingError(`The tfjs backend '${name}' is not installed. Install it with: ${installHint(name)}`);
  }
}

/**
 * The backend this process would start with, without loading any native module: the forced one,
 * else the first native backend installed (its load is tried where it will run), else wasm, else cpu.
 */
export function plannedBackend(resolver: ModuleResolver = isInstalled, env: NodeJS.ProcessEnv = process.env): BackendName {
  const forced = forcedBackend(env);
  if (forced) {
    checkInstalled(forced, resolver);
    return forced;
  }
  return CANDIDATES.find((c) => resolver(c.packageName))?.name ?? 'cpu';
}

export interface ActiveBackend {
  readonly name: BackendName;
  /** True when training runs on a GPU (node-gpu with CUDA). */
  readonly gpu: boolean;
  /** Why each earlier backend of the chain was passed over. */
  readonly skipped: readonly string[];
}

let active: Promise<ActiveBackend> | undefined;

/** Selects and initializes the backend of this process (once). */
export function activateBackend(options: { forced?: BackendName; importer?: ModuleImporter; resolver?: ModuleResolver } = {}): Promise<ActiveBackend> {
  active ??= selectBackend(options).catch((error: unknown) => {
    active = undefined;
    throw error;
  });
  return active;
}

/** The chain itself (tests call it with stand-in modules). */
export async function selectBackend(options: { forced?: BackendName; importer?: ModuleImporter; resolver?: ModuleResolver } = {}): Promise<ActiveBackend> {
  const importer = options.importer ?? importModule;
  const resolver = options.resolver ?? isInstalled;
  const forced = options.forced ?? forcedBackend();
  const chain = forced ? [candidate(forced)] : CANDIDATES;
  const skipped: string[] = [];
  for (const c of chain) {
    if (!resolver(c.packageName)) {
      if (forced) checkInstalled(forced, resolver);
      skipped.push(`${c.name}: not installed`);
      continue;
    }
    try {
      const gpu = await initialize(c, importer);
      if (c.name === 'node-gpu' && !gpu && !forced) {
        skipped.push('node-gpu: loaded, but libtensorflow sees no GPU (CUDA missing?)');
        continue;
      }
      return { name: c.name, gpu, skipped };
    } catch (error) {
      const reason = (error as Error).message.split('\n')[0];
      if (forced) throw new DataMissingError(`The tfjs backend '${c.name}' is installed but does not load: ${reason}. Reinstall it with: ${installHint(c.name)}`);
      skipped.push(`${c.name}: ${reason}`);
    }
  }
  throw new DataMissingError(`No TensorFlow.js backend loads (${skipped.join('; ')}). Reinstall with 'npm ci'.`);
}

async function initialize(c: Candidate, importer: ModuleImporter): Promise<boolean> {
  await importer(c.packageName);
  // Production mode skips tfjs' debug checks (and the cpu backend's 'install tfjs-node' banner); numerics are unchanged.
  tf.enableProdMode();
  if (!tf.findBackendFactory(c.tfName)) {
    throw new Error(`${c.packageName} registered no '${c.tfName}' backend with @tensorflow/tfjs-core ${tf.version_core} (a different tfjs-core version?)`);
  }
  if (!(await tf.setBackend(c.tfName))) throw new Error(`backend '${c.tfName}' failed to initialize`);
  await tf.ready();
  // tfjs-node's kernel backend says whether libtensorflow placed ops on a GPU.
  return c.native && Boolean((tf.backend() as unknown as { isUsingGpuDevice?: boolean }).isUsingGpuDevice);
}
