import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { scriptSource } from './escape.js';

export interface InlineScript {
  readonly name: string;
  readonly source: string;
}

let cached: InlineScript[] | undefined;

/** The browser builds of vega, vega-lite and vega-embed from node_modules, made safe to inline. */
export function vegaScripts(): InlineScript[] {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const build = (module: string, file: string) => join(dirname(require.resolve(module)), file);
  cached = [
    { name: 'vega', source: readFileSync(build('vega', 'vega.min.js'), 'utf8') },
    { name: 'vega-lite', source: readFileSync(build('vega-lite', 'vega-lite.min.js'), 'utf8') },
    { name: 'vega-embed', source: readFileSync(build('vega-embed', 'vega-embed.min.js'), 'utf8') },
  ].map((s) => ({ name: s.name, source: scriptSource(s.source) }));
  return cached;
}

/** CSP source expression for an inline script. */
export function scriptHash(source: string): string {
  return `'sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}'`;
}
