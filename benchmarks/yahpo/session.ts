/** One onnxruntime session per model file per process (worker thread), created on first use and shared by every task of the scenario. */
import * as ort from 'onnxruntime-node';
import { DataMissingError } from '../../core/index.js';

const sessions = new Map<string, Promise<ort.InferenceSession>>();

/**
 * Single-threaded CPU inference, as CARP-S runs yahpo_gym (multithread=False): one small batch per
 * call gains nothing from threads, and the runner's workers already use every core.
 */
const OPTIONS: ort.InferenceSession.SessionOptions = {
  executionProviders: ['cpu'],
  intraOpNumThreads: 1,
  interOpNumThreads: 1,
  logSeverityLevel: 3,
};

export function surrogateSession(modelPath: string): Promise<ort.InferenceSession> {
  let session = sessions.get(modelPath);
  if (!session) {
    session = ort.InferenceSession.create(modelPath, OPTIONS).catch((error: unknown) => {
      sessions.delete(modelPath);
      throw new DataMissingError(`Cannot load the YAHPO surrogate ${modelPath}: ${(error as Error).message}. Re-run 'hpoarena data fetch yahpo'.`);
    });
    sessions.set(modelPath, session);
  }
  return session;
}

/** Releases every cached session (tests, long-lived processes that are done with YAHPO). */
export async function releaseSurrogateSessions(): Promise<void> {
  const all = [...sessions.values()];
  sessions.clear();
  await Promise.all(all.map(async (s) => (await s.catch(() => undefined))?.release()));
}
