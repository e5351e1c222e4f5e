/**
 * `hpoarena data fetch yahpo`: downloads yahpo_data (GitHub's tarball of the release tag) and
 * extracts only the files our scenarios need into <data root>/yahpo/<scenario>/. Files are
 * staged in a temporary folder and moved into place only when every scenario is complete.
 */
import { createReadStream, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';
import { DataMissingError, UnknownNameError } from '../../core/index.js';
import { dataRoot, SCENARIO_FILES, YAHPO_DATA_VERSION } from './dataDir.js';
import { SCENARIO_NAMES } from './scenarios.js';
import { readTar } from './tarReader.js';

export const YAHPO_DATA_URL = `https://github.com/slds-lmu/yahpo_data/archive/refs/tags/v${YAHPO_DATA_VERSION}.tar.gz`;

export interface FetchYahpoOptions {
  /** Data root (the CLI's --data-dir); files land in <root>/yahpo/. */
  readonly dataDir?: string;
  /** Archive to read: https://, http://, file:// or a local path. Default: the v1.0.2 tag on GitHub. */
  readonly url?: string;
  /** Scenarios to extract; default every scenario hpoarena ships. */
  readonly scenarios?: readonly string[];
  readonly log?: (line: string) => void;
}

export interface FetchYahpoResult {
  readonly target: string;
  readonly scenarios: readonly string[];
  /** Extracted files, relative to `target`. */
  readonly files: readonly string[];
}

/** Top-level files and, per scenario, the needed files plus its licence/readme. */
function wantedPath(relative: string, scenarios: ReadonlySet<string>): boolean {
  const parts = relative.split('/');
  if (parts.length === 1) return parts[0] === 'LICENSE' || parts[0] === 'VERSION';
  if (parts.length !== 2 || !scenarios.has(parts[0])) return false;
  return (SCENARIO_FILES as readonly string[]).includes(parts[1]) || /^(LICENSE|README)[\w.-]*$/i.test(parts[1]);
}

async function openArchive(url: string): Promise<Readable> {
  if (url.startsWith('file:')) return createReadStream(fileURLToPath(url));
  if (!/^https?:\/\//.test(url)) return createReadStream(url);
  let response: Response;
  try {
    response = await fetch(url, { redirect: 'follow' });
  } catch (error) {
    const cause = (error as { cause?: Error }).cause?.message ?? (error as Error).message;
    throw new DataMissingError(`Cannot download ${url}: ${cause}. Without internet access, fetch the file elsewhere and pass --url file:///path/to/yahpo_data-${YAHPO_DATA_VERSION}.tar.gz.`);
  }
  if (!response.ok || !response.body) throw new DataMissingError(`Cannot download ${url}: HTTP ${response.status} ${response.statusText}.`);
  return Readable.fromWeb(response.body as import('node:stream/web').ReadableStream<Uint8Array>);
}

export async function fetchYahpoData(options: FetchYahpoOptions = {}): Promise<FetchYahpoResult> {
  const scenarios = [...(options.scenarios ?? SCENARIO_NAMES)];
  for (const s of scenarios) if (!(SCENARIO_NAMES as readonly string[]).includes(s)) throw new UnknownNameError('YAHPO scenario', s, SCENARIO_NAMES);
  const url = options.url ?? YAHPO_DATA_URL;
  const target = path.join(dataRoot({ dataDir: options.dataDir }), 'yahpo');
  mkdirSync(target, { recursive: true });
  const staging = mkdtempSync(path.join(target, '.fetch-'));
  const files: string[] = [];
  const wanted = new Set(scenarios);
  try {
    options.log?.(`Reading ${url} ...`);
    const archive = await openArchive(url);
    const gunzip = createGunzip();
    archive.on('error', (error) => gunzip.destroy(error));
    await readTar(
      archive.pipe(gunzip),
      // GitHub tarballs put everything under one folder, yahpo_data-<version>/.
      (entry) => wantedPath(entry.split('/').slice(1).join('/'), wanted),
      (entry, data) => {
        const relative = entry.split('/').slice(1).join('/');
        mkdirSync(path.dirname(path.join(staging, relative)), { recursive: true });
        writeFileSync(path.join(staging, relative), data);
        files.push(relative);
      },
    ).catch((error: Error) => {
      throw error instanceof DataMissingError ? error : new DataMissingError(`Cannot read the YAHPO archive ${url}: ${error.message}`);
    });
    archive.destroy();
    const incomplete = scenarios.flatMap((s) => SCENARIO_FILES.filter((f) => !existsSync(path.join(staging, s, f))).map((f) => `${s}/${f}`));
    if (incomplete.length > 0) throw new DataMissingError(`The archive ${url} lacks ${incomplete.join(', ')}; is it yahpo_data v${YAHPO_DATA_VERSION}?`);
    for (const name of [...scenarios, 'LICENSE', 'VERSION']) {
      if (!existsSync(path.join(staging, name))) continue;
      rmSync(path.join(target, name), { recursive: true, force: true });
      renameSync(path.join(staging, name), path.join(target, name));
    }
    options.log?.(`Extracted ${files.length} files for ${scenarios.join(', ')} into ${target}`);
    return { target, scenarios, files: files.sort() };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
