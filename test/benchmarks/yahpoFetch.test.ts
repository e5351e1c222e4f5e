import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import yargs from 'yargs';
import { DataMissingError, HpoArenaError } from '../../core/index.js';
import { fetchYahpoData, yahpoCollection } from '../../benchmarks/yahpo/index.js';
import { releaseSurrogateSessions } from '../../benchmarks/yahpo/session.js';
import { dataCommand } from '../../cli/commands/data.js';
import { DATA_DIR, skipWithoutData, skipWithoutYahpo } from '../dataDir.js';

const SHARED_YAHPO = path.join(DATA_DIR, 'yahpo');
const TOP = 'yahpo_data-1.0.2';

/** A tar writer in the layout `git archive` uses: a pax global header first, pax 'x' headers for long paths. */
function tarHeader(name: string, size: number, type: string): Buffer {
  const block = Buffer.alloc(512);
  block.write(name.slice(0, 99), 0);
  block.write('0000644\0', 100);
  block.write('0000000\0', 108);
  block.write('0000000\0', 116);
  block.write(`${size.toString(8).padStart(11, '0')}\0`, 124);
  block.write('14000000000\0', 136);
  block.fill(0x20, 148, 156);
  block.write(type, 156);
  block.write('ustar\0' + '00', 257);
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  return block;
}

function tarEntry(name: string, data: Buffer, type = '0'): Buffer[] {
  const padding = Buffer.alloc((512 - (data.length % 512)) % 512);
  return [tarHeader(name, data.length, type), data, padding];
}

function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`;
  let length = body.length + 1;
  while (`${length}${body}`.length !== length) length++;
  return `${length}${body}`;
}

function tarGz(files: Array<[string, Buffer]>): Buffer {
  const parts: Buffer[] = [...tarEntry('pax_global_header', Buffer.from(paxRecord('comment', 'abc123')), 'g')];
  parts.push(...tarEntry(`${TOP}/`, Buffer.alloc(0), '5'));
  for (const [name, data] of files) {
    const full = `${TOP}/${name}`;
    // Long paths (and, to exercise the override, every model) get a pax path; the ustar name is then a stand-in.
    const pax = full.length > 99 || name.endsWith('model.onnx');
    if (pax) parts.push(...tarEntry('PaxHeader', Buffer.from(paxRecord('path', full)), 'x'));
    parts.push(...tarEntry(pax ? `${TOP}/pax-stand-in` : full, data));
  }
  parts.push(Buffer.alloc(1024));
  return gzipSync(Buffer.concat(parts));
}

const real = (scenario: string, file: string) => readFileSync(path.join(SHARED_YAHPO, scenario, file));

function archiveFiles(withModel = true): Array<[string, Buffer]> {
  const files: Array<[string, Buffer]> = [['LICENSE', Buffer.from('Apache-2.0\n')], ['VERSION', Buffer.from('VERSION:1.0.2\n')]];
  for (const scenario of ['iaml_glmnet', 'rbv2_rpart']) {
    for (const file of ['config_space.json', 'encoding.json', ...(withModel ? ['model.onnx'] : [])]) files.push([`${scenario}/${file}`, real(scenario, file)]);
    files.push([`${scenario}/data.csv`, Buffer.alloc(5000, 'x')], [`${scenario}/param_set.R`, Buffer.from('# R\n')]);
  }
  files.push([`iaml_glmnet/${'long_'.repeat(25)}notes.txt`, Buffer.from('skipped')], ['benchmark_suites/v1.0/single.json', Buffer.from('[]')]);
  return files;
}

// The fake archives are built from real scenario files (the fetched tasks must work).
describe('hpoarena data fetch yahpo', { skip: skipWithoutYahpo('iaml_glmnet', 'rbv2_rpart') || skipWithoutData('yahpo/VERSION') }, () => {
  let server: Server;
  let base = '';
  const temp = mkdtempSync(path.join(os.tmpdir(), 'hpoarena-yahpo-fetch-'));
  const good = tarGz(archiveFiles());
  const incomplete = tarGz(archiveFiles(false));

  before(async () => {
    server = createServer((request, response) => {
      const body = request.url === '/good.tar.gz' ? good : request.url === '/incomplete.tar.gz' ? incomplete : undefined;
      response.writeHead(body ? 200 : 404).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    await releaseSurrogateSessions();
    server.close();
    rmSync(temp, { recursive: true, force: true });
  });

  it('downloads over http, extracts only the needed files of the chosen scenarios, and the tasks work', async () => {
    const dataDir = path.join(temp, 'http');
    const result = await fetchYahpoData({ dataDir, url: `${base}/good.tar.gz`, scenarios: ['iaml_glmnet'] });
    assert.equal(result.target, path.join(dataDir, 'yahpo'));
    assert.deepEqual(result.files, ['LICENSE', 'VERSION', 'iaml_glmnet/config_space.json', 'iaml_glmnet/encoding.json', 'iaml_glmnet/model.onnx']);
    assert.deepEqual(readdirSync(result.target).sort(), ['LICENSE', 'VERSION', 'iaml_glmnet']);
    assert.deepEqual(readFileSync(path.join(result.target, 'iaml_glmnet/model.onnx')), real('iaml_glmnet', 'model.onnx'));
    const listed = yahpoCollection.list({ dataDir });
    assert.ok(listed.filter((t) => t.id.includes('iaml_glmnet')).every((t) => t.available));
    assert.ok(listed.filter((t) => t.id.includes('rbv2_rpart')).every((t) => !t.available));
    const task = await yahpoCollection.create('yahpo/iaml_glmnet/1489/None', { dataDir });
    assert.ok(Number.isFinite((await task.evaluate({ config: { alpha: 0.5, s: 1 } })).cost as number));
  });

  it('reads file:// archives, through the CLI command', async () => {
    const file = path.join(temp, 'local.tar.gz');
    writeFileSync(file, good);
    const dataDir = path.join(temp, 'file');
    const argv = ['data', 'fetch', 'yahpo', '--data-dir', dataDir, '--url', pathToFileURL(file).href, '--scenario', 'rbv2_rpart,iaml_glmnet'];
    await yargs(argv).command(dataCommand).strict().exitProcess(false).fail(false).parseAsync();
    for (const scenario of ['rbv2_rpart', 'iaml_glmnet']) {
      for (const f of ['config_space.json', 'encoding.json', 'model.onnx']) assert.ok(existsSync(path.join(dataDir, 'yahpo', scenario, f)), `${scenario}/${f}`);
      assert.ok(!existsSync(path.join(dataDir, 'yahpo', scenario, 'data.csv')));
    }
  });

  it('leaves nothing behind when the archive lacks a file, and names it', async () => {
    const dataDir = path.join(temp, 'incomplete');
    await assert.rejects(fetchYahpoData({ dataDir, url: `${base}/incomplete.tar.gz`, scenarios: ['rbv2_rpart'] }), (error: Error) => {
      assert.ok(error instanceof DataMissingError);
      assert.match(error.message, /lacks rbv2_rpart\/model\.onnx/);
      return true;
    });
    assert.deepEqual(readdirSync(path.join(dataDir, 'yahpo')), []);
  });

  it('reports HTTP errors, unreachable hosts, non-archives and unknown scenarios as user errors', async () => {
    const cases: Array<[Parameters<typeof fetchYahpoData>[0], RegExp]> = [
      [{ url: `${base}/missing.tar.gz` }, /HTTP 404/],
      [{ url: 'http://127.0.0.1:1/yahpo.tar.gz' }, /Cannot download http:\/\/127\.0\.0\.1:1\/yahpo\.tar\.gz: .*--url file:\/\//],
      [{ url: pathToFileURL(path.join(SHARED_YAHPO, 'VERSION')).href }, /Cannot read the YAHPO archive/],
      [{ url: `${base}/good.tar.gz`, scenarios: ['lcbenchh'] }, /Unknown YAHPO scenario 'lcbenchh'\. Did you mean 'lcbench'\?/],
    ];
    for (const [options, message] of cases) {
      await assert.rejects(fetchYahpoData({ dataDir: path.join(temp, 'errors'), ...options }), (e: Error) => e instanceof HpoArenaError && message.test(e.message));
    }
  });
});
