import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SpecError } from '../core/index.js';

const loaded = new Map<string, Promise<unknown>>();

/**
 * Imports plugin modules once per thread. A plugin registers optimizers
 * (registerOptimizer) or task collections (registerTaskCollection) when imported; worker
 * threads import the same list, so they can rebuild everything from (name, options, seed).
 * Returns the list as absolute file URLs (what workers receive).
 */
export async function loadPlugins(plugins: readonly string[]): Promise<string[]> {
  const urls = plugins.map(toUrl);
  for (const url of urls) {
    if (!loaded.has(url)) loaded.set(url, import(url));
    await loaded.get(url);
  }
  return urls;
}

function toUrl(plugin: string): string {
  if (/^(file|data|node):/.test(plugin)) return plugin;
  const path = isAbsolute(plugin) ? plugin : resolve(plugin);
  if (!existsSync(path)) throw new SpecError(`Plugin module '${plugin}' not found (looked at ${path}).`);
  return pathToFileURL(path).href;
}
