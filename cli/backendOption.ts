import { BACKEND_ENV, checkInstalled, forcedBackend } from '../benchmarks/tfjs/backend.js';

/**
 * --backend NAME: forces the tfjs backend for this command. It travels as HPOARENA_TFJS_BACKEND,
 * which pool worker threads and trainer child processes inherit. A name that is unknown, or a
 * backend that is not installed, stops the command here with one message.
 */
export function applyBackendOption(backend: string | undefined): void {
  if (backend === undefined) return;
  process.env[BACKEND_ENV] = backend;
  const forced = forcedBackend();
  if (forced) checkInstalled(forced);
}
