import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { findPython } from '../../optimizers/external/index.js';
import { FigureSkipped } from '../figure.js';

// The script ships in the source tree (bench/anchors), not in dist/.
const SCRIPT = fileURLToPath(new URL('../../../bench/anchors/optuna_anchor.py', import.meta.url));

/**
 * Runs one Optuna anchor (bench/anchors/optuna_anchor.py) with the first Python that can import
 * optuna; a figure whose anchor is missing is skipped with a message, not failed.
 */
export async function optunaAnchor<T>(mode: 'random-loop' | 'tpe-ask', args: readonly number[]): Promise<T & { optuna: string }> {
  const python = await findPython(['optuna']);
  if (!python) throw new FigureSkipped('needs a Python with optuna for its anchor (set HPOARENA_PYTHON or apt-get install python3-optuna)');
  return new Promise((resolve, reject) => {
    execFile(python, [SCRIPT, mode, ...args.map(String)], { encoding: 'utf8', timeout: 15 * 60_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`Optuna anchor '${mode}' failed: ${stderr.trim().split('\n').slice(-3).join(' | ') || error.message}`));
      else resolve(JSON.parse(stdout) as T & { optuna: string });
    });
  });
}
