import { existsSync } from 'node:fs';
import { SpecError, type UnknownNameError } from '../core/index.js';
import { isPostgresUrl, openStore } from '../runner/index.js';

/**
 * An unknown optimizer or task while resuming an experiment that was planned with plugin
 * modules most likely means the --plugin flags were left out: say so and name them.
 * Returns quietly when the store or experiment does not tell (the original error stands).
 */
export async function explainMissingPlugins(error: UnknownNameError, storePath: string, experiment: string, given: readonly string[]): Promise<void> {
  if (!isPostgresUrl(storePath) && !existsSync(storePath)) return;
  let planned: readonly string[] = [];
  try {
    const store = await openStore(storePath, { readonly: true });
    try {
      const spec = (await store.getExperiment(experiment))?.spec as { plugins?: unknown } | undefined;
      if (Array.isArray(spec?.plugins)) planned = spec.plugins.filter((p): p is string => typeof p === 'string');
    } finally {
      await store.close();
    }
  } catch {
    return; // an unreadable store: the unknown name is the message
  }
  const missing = planned.filter((p) => !given.includes(p));
  if (missing.length === 0) return;
  throw new SpecError(
    `${error.message.split('. ')[0]}. Experiment '${experiment}' was planned with plugin module(s) ${missing.map((p) => `'${p}'`).join(', ')}: ` +
      `pass ${missing.map((p) => `--plugin ${p}`).join(' ')} to resume it.`,
  );
}
