import { execFile, spawnSync } from 'node:child_process';
import { SpecError } from '../../core/index.js';

/**
 * Finding a Python that can import the modules an adapter needs: $HPOARENA_PYTHON first, then
 * python3 on PATH, /usr/bin/python3, /usr/local/bin/python3, python. Each candidate is tried
 * once per module list and process (thread); the answer is cached.
 */
export function pythonCandidates(): string[] {
  const fromEnv = process.env.HPOARENA_PYTHON;
  const list = [...(fromEnv ? [fromEnv] : []), 'python3', '/usr/bin/python3', '/usr/local/bin/python3', 'python'];
  return [...new Set(list)];
}

const cache = new Map<string, Promise<string | undefined>>();
const syncCache = new Map<string, string | undefined>();

function probeScript(modules: readonly string[]): string {
  return modules.map((m) => `import ${m}`).join('; ') || 'pass';
}

/** The first candidate that imports every module, or undefined. */
export function findPython(modules: readonly string[]): Promise<string | undefined> {
  const key = modules.join(',');
  const known = syncCache.get(key);
  if (syncCache.has(key)) return Promise.resolve(known);
  let found = cache.get(key);
  if (!found) {
    found = (async () => {
      for (const candidate of pythonCandidates()) {
        if (await imports(candidate, modules)) return candidate;
      }
      return undefined;
    })();
    cache.set(key, found);
  }
  return found;
}

/** findPython, blocking (tests deciding whether to skip). */
export function findPythonSync(modules: readonly string[]): string | undefined {
  const key = modules.join(',');
  if (syncCache.has(key)) return syncCache.get(key);
  let found: string | undefined;
  for (const candidate of pythonCandidates()) {
    const result = spawnSync(candidate, ['-c', probeScript(modules)], { stdio: 'ignore', timeout: 60_000 });
    if (result.status === 0) {
      found = candidate;
      break;
    }
  }
  syncCache.set(key, found);
  return found;
}

function imports(candidate: string, modules: readonly string[]): Promise<boolean> {
  return new Promise((resolve) => {
    execFile(candidate, ['-c', probeScript(modules)], { timeout: 60_000 }, (error) => resolve(!error));
  });
}

/** findPython, or a SpecError saying what to install and how to point hpoarena at a Python. */
export async function requirePython(modules: readonly string[], who: string): Promise<string> {
  const python = await findPython(modules);
  if (python) return python;
  const tried = pythonCandidates().join(', ');
  throw new SpecError(
    `${who} needs a Python that can import ${modules.join(', ')}; none found (tried ${tried}). ` +
      `Install them (e.g. 'apt-get install python3-optuna' or 'pip install optuna') or set HPOARENA_PYTHON to such a python.`,
  );
}
