/**
 * `hpoarena data fetch yahpo`: downloads yahpo_data (GitHub's tarball of the release tag) and
 * extracts only the files our scenarios need into <data root>/yahpo/<scenario>/. Files are
 * staged in a temporary folder and moved into place only when every scenario is complete.
 */
import { createReadStream, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { extract } from 'tar';
import { DataMissingError, UnknownNameError } from '../../core/index.js';
import { dataRoot, SCENARIO_FILES, YAHPO_DATA_VERSION } from './dataDir.js';
import { SCENARIO_NAMES } from './scenarios.js';

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

/** Entry types the whitelist may accept: regular files only (no links, devices or folders). */
const REGULAR_FILE = new Set(['File', 'OldFile', 'ContiguousFile']);

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
    // The `tar` package reads (and gunzips) the stream; strict: a damaged archive is an error, not a warning.
    // GitHub tarballs put everything under one folder, yahpo_data-<version>/: stripped, then the whitelist decides.
    const unpack = extract({
      cwd: staging,
      strip: 1,
      strict: true,
      filter: (entryPath, entry) => {
        const relative = entryPath.split('/').slice(1).join('/');
        const wantedFile = 'type' in entry && REGULAR_FILE.has(entry.type) && wantedPath(relative, wanted);
        if (wantedFile) files.push(relative);
        return wantedFile;
      },
    });
    await pipeline(archive, unpack).catch((error: Error) => {
      throw error instanceof DataMissingError ? error : new DataMissingError(`Cannot read the YAHPO archive ${url}: ${error.message}`);
    });
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
