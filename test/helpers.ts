import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Repository root (tests run from dist/test/...). */
export const REPO_ROOT = resolve(fileURLToPath(new URL('../../', import.meta.url)));
export const CLI = join(REPO_ROOT, 'dist/cli/main.js');
export const FAULTY_PLUGIN = join(REPO_ROOT, 'dist/test/fixtures/faultyPlugin.js');
export const GOLDEN_PLUGIN = join(REPO_ROOT, 'dist/test/fixtures/goldenPlugin.js');
export const QUEUE_PLUGIN = join(REPO_ROOT, 'dist/test/fixtures/queuePlugin.js');

export function tempDir(t: { after(fn: () => void): void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'hpoarena-test-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function cli(args: string[], options: { input?: string; cwd?: string } = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', input: options.input, cwd: options.cwd ?? REPO_ROOT, timeout: 120_000, maxBuffer: 256 * 1024 * 1024 });
}

/** Everything an async iterable yields (Array.fromAsync arrives with Node 22). */
export async function toArray<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

/** An export (exportTrials) as one string. */
export async function exportText(lines: AsyncIterable<string>): Promise<string> {
  return (await toArray(lines)).join('');
}

/**
 * Starts `hpoarena ARGS` (one run, stored at `store`) and kills it with SIGKILL once its run's
 * journal holds more than 1 MB (a few thousand durable trials): a crash mid-run, for resume tests.
 */
export async function killCliMidRun(args: string[], store: string): Promise<void> {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, stdio: 'ignore' });
  const journal = join(`${store}.trial-journal`, 'run-1.jsonl');
  const deadline = Date.now() + 60_000;
  while (!(existsSync(journal) && statSync(journal).size > 1_000_000)) {
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error('run never started writing trials');
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  child.kill('SIGKILL');
  await new Promise((r) => child.once('exit', r));
}
