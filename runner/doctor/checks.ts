/**
 * What this installation can do, one check a line, for `hpoarena doctor`. A check marked
 * `required` is one the default run (`hpoarena run` on the built-in tasks, SQLite store) cannot do
 * without; every other check only limits what can be run (tfjs backends, YAHPO data, Python
 * adapters, report checks in Chromium, a PostgreSQL server).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, accessSync, constants } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { maskCredentials } from '../store/postgres/maskCredentials.js';
import { dataRoot, SCENARIO_NAMES, unavailableReason } from '../../benchmarks/yahpo/index.js';
import { findPython } from '../../optimizers/external/python.js';

export interface CheckResult {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
  /** The default run cannot work when a required check fails. */
  readonly required: boolean;
}

export function checkNode(version: string = process.versions.node): CheckResult {
  const major = Number(version.split('.')[0]);
  return { name: 'node', ok: major >= 20, required: true, detail: major >= 20 ? `v${version}` : `v${version}: hpoarena needs Node 20 or newer` };
}

/** The default store: better-sqlite3 loads and the store's folder is writable. */
export function checkStore(storePath: string): CheckResult {
  try {
    new Database(':memory:').close();
  } catch (error) {
    return { name: 'sqlite store', ok: false, required: true, detail: `better-sqlite3 does not load (${(error as Error).message.split('\n')[0]}); reinstall with 'npm ci'` };
  }
  const folder = dirname(resolve(storePath));
  try {
    if (!existsSync(folder)) mkdirSync(folder, { recursive: true });
    accessSync(folder, constants.W_OK);
    return { name: 'sqlite store', ok: true, required: true, detail: `better-sqlite3 loads; ${folder} is writable` };
  } catch (error) {
    return { name: 'sqlite store', ok: false, required: true, detail: `${folder} is not writable (${(error as Error).message}); pass --store elsewhere` };
  }
}

interface ProbeReply { name: string; gpu?: boolean; error?: string }

/** Each tfjs backend probed in its own process (probeBackend.ts). */
export async function checkTfjs(): Promise<CheckResult[]> {
  const { BACKEND_NAMES, installHint, isInstalled, candidate, plannedBackend } = await import('../../benchmarks/tfjs/backend.js');
  const probe = fileURLToPath(new URL('../../benchmarks/tfjs/probeBackend.js', import.meta.url));
  const results = await Promise.all(BACKEND_NAMES.map(async (name): Promise<CheckResult> => {
    const label = `tfjs ${name}`;
    if (!isInstalled(candidate(name).packageName)) return { name: label, ok: false, required: false, detail: `not installed: ${installHint(name)}` };
    const reply: ProbeReply = await run(process.execPath, [probe, name], 120_000).then((out) => JSON.parse(out.trim().split('\n').pop() ?? '{}') as ProbeReply, (error: Error) => ({ name, error: error.message }));
    if (reply.error) return { name: label, ok: false, required: false, detail: `installed, does not load: ${reply.error.split('\n')[0]}` };
    if (name === 'node-gpu') return { name: label, ok: Boolean(reply.gpu), required: false, detail: reply.gpu ? 'loads; libtensorflow runs on the GPU' : 'loads, but libtensorflow sees no GPU (CUDA 11.2 / cuDNN 8.1 libraries missing?)' };
    return { name: label, ok: true, required: false, detail: 'loads' };
  }));
  let planned: string;
  try {
    planned = `tasks train on '${plannedBackend()}' (force one with --backend)`;
  } catch (error) {
    planned = (error as Error).message;
  }
  return [...results, { name: 'tfjs default', ok: true, required: false, detail: planned }, await checkGpu()];
}

/** The GPU as the NVIDIA driver reports it (independent of tfjs). */
export async function checkGpu(): Promise<CheckResult> {
  try {
    const out = await run('nvidia-smi', ['--query-gpu=name,memory.total,driver_version', '--format=csv,noheader'], 10_000);
    const gpus = out.trim().split('\n').filter(Boolean);
    return { name: 'gpu', ok: gpus.length > 0, required: false, detail: gpus.length ? gpus.join('; ') : 'nvidia-smi lists no GPU' };
  } catch {
    return { name: 'gpu', ok: false, required: false, detail: 'none seen (no nvidia-smi)' };
  }
}

export function checkYahpo(dataDir?: string): CheckResult {
  const root = dataRoot({ dataDir });
  const present = SCENARIO_NAMES.filter((s) => unavailableReason(root, s) === undefined);
  const ok = present.length === SCENARIO_NAMES.length;
  return {
    name: 'yahpo data', ok, required: false,
    detail: `${present.length}/${SCENARIO_NAMES.length} scenarios in ${root}${present.length ? ` (${present.join(', ')})` : ''}${ok ? '' : `; get them with 'hpoarena data fetch yahpo'`}`,
  };
}

export async function checkPython(): Promise<CheckResult> {
  const python = await findPython(['optuna']);
  if (python) {
    const version = await run(python, ['-c', 'import optuna, sys; print(sys.version.split()[0], optuna.__version__)'], 60_000).catch(() => '');
    const [py, optuna] = version.trim().split(' ');
    return { name: 'python + optuna', ok: true, required: false, detail: `${python} (Python ${py ?? '?'}, optuna ${optuna ?? '?'}): the optuna-* adapters work` };
  }
  const bare = await findPython([]);
  return { name: 'python + optuna', ok: false, required: false, detail: bare ? `${bare} has no optuna: pip install optuna (or set HPOARENA_PYTHON)` : 'no Python 3 found (set HPOARENA_PYTHON): the optuna-* adapters are unavailable' };
}

export function checkChromium(path = '/usr/bin/chromium'): CheckResult {
  const candidates = [process.env.HPOARENA_CHROMIUM, path, '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter((p): p is string => Boolean(p));
  const found = candidates.find((p) => existsSync(p));
  return { name: 'chromium', ok: found !== undefined, required: false, detail: found ? `${found}: HTML reports can be checked in a browser` : 'not found (Debian: apt-get install chromium): reports still render, browser checks skip' };
}

/** A PostgreSQL URL: well-formed and its server accepting TCP connections (no login is tried). */
export async function checkPostgres(url: string): Promise<CheckResult> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { name: 'postgresql', ok: false, required: false, detail: `'${maskCredentials(url)}' is not a URL (postgresql://user:password@host:5432/database)` };
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    return { name: 'postgresql', ok: false, required: false, detail: `'${parsed.protocol}' is not postgres: or postgresql:` };
  }
  const host = parsed.hostname || 'localhost';
  const port = Number(parsed.port || 5432);
  const reachable = await new Promise<string | undefined>((done) => {
    const socket = new Socket();
    socket.setTimeout(3000);
    socket.once('connect', () => { socket.destroy(); done(undefined); });
    socket.once('timeout', () => { socket.destroy(); done('timed out'); });
    socket.once('error', (error) => done(error.message));
    socket.connect(port, host);
  });
  return { name: 'postgresql', ok: reachable === undefined, required: false, detail: reachable === undefined ? `${host}:${port} accepts connections` : `${host}:${port} unreachable (${reachable})` };
}

function run(file: string, args: string[], timeout: number): Promise<string> {
  return new Promise((done, fail) => {
    execFile(file, args, { timeout, encoding: 'utf8' }, (error, stdout) => (error ? fail(error) : done(stdout)));
  });
}
