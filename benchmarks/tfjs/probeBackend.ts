/**
 * `node probeBackend.js NAME`: loads one tfjs backend in a fresh process and prints one JSON line,
 * {"name", "gpu"} or {"name", "error"}. `hpoarena doctor` probes each backend this way: the two
 * native packages both register 'tensorflow' and cannot share a process.
 */
import { BACKEND_NAMES, selectBackend, type BackendName } from './backend.js';

const name = process.argv[2] as BackendName;
if (!(BACKEND_NAMES as readonly string[]).includes(name)) {
  console.log(JSON.stringify({ name, error: `unknown backend; valid: ${BACKEND_NAMES.join(', ')}` }));
} else {
  try {
    const active = await selectBackend({ forced: name });
    console.log(JSON.stringify({ name, gpu: active.gpu }));
  } catch (error) {
    console.log(JSON.stringify({ name, error: (error as Error).message }));
  }
}
