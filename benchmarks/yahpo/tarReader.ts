/**
 * A small streaming tar reader: ustar headers, pax extended headers ('x', 'g') and GNU long names
 * ('L') — what `git archive` (GitHub's release tarballs) and GNU/BSD tar write. Only the entries a
 * caller selects are buffered; everything else is skipped as it streams by.
 */
import { HpoArenaError } from '../../core/index.js';

const BLOCK = 512;

/** Pulls exact byte counts out of a stream of chunks. */
class ByteQueue {
  private chunks: Buffer[] = [];
  private offset = 0;
  constructor(private readonly source: AsyncIterator<Uint8Array>) {}

  /** The next chunk with unread bytes, or undefined at the end of the stream. */
  private async head(): Promise<Buffer | undefined> {
    while (this.chunks.length === 0 || this.offset >= this.chunks[0].length) {
      if (this.chunks.length > 0) {
        this.chunks.shift();
        this.offset = 0;
        continue;
      }
      const next = await this.source.next();
      if (next.done) return undefined;
      this.chunks.push(Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength));
    }
    return this.chunks[0];
  }

  /** Exactly n bytes, or undefined when the stream ends first. `keep=false` discards them instead. */
  async take(n: number, keep = true): Promise<Buffer | undefined> {
    const parts: Buffer[] = [];
    let left = n;
    while (left > 0) {
      const chunk = await this.head();
      if (!chunk) return undefined;
      const count = Math.min(left, chunk.length - this.offset);
      if (keep) parts.push(chunk.subarray(this.offset, this.offset + count));
      this.offset += count;
      left -= count;
    }
    return keep ? Buffer.concat(parts, n) : Buffer.alloc(0);
  }
}

interface Header {
  readonly name: string;
  readonly size: number;
  readonly type: string;
}

function text(block: Buffer, start: number, length: number): string {
  const end = block.indexOf(0, start);
  return block.toString('utf8', start, end === -1 || end > start + length ? start + length : end);
}

function numeric(block: Buffer, start: number, length: number): number {
  if (block[start] & 0x80) {
    let value = 0;
    for (let i = start + 1; i < start + length; i++) value = value * 256 + block[i];
    return value;
  }
  const digits = text(block, start, length).trim();
  return digits === '' ? 0 : parseInt(digits, 8);
}

function parseHeader(block: Buffer): Header | undefined {
  if (block.every((b) => b === 0)) return undefined;
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : block[i];
  if (sum !== numeric(block, 148, 8)) throw new HpoArenaError('Not a tar archive (header checksum mismatch); expected a .tar.gz file.');
  const name = text(block, 0, 100);
  const prefix = block.toString('latin1', 257, 262) === 'ustar' ? text(block, 345, 155) : '';
  const type = block[156] === 0 ? '0' : String.fromCharCode(block[156]);
  return { name: prefix ? `${prefix}/${name}` : name, size: numeric(block, 124, 12), type };
}

/** pax records "<length> <key>=<value>\n". */
function paxRecords(data: Buffer): Map<string, string> {
  const records = new Map<string, string>();
  let at = 0;
  while (at < data.length) {
    const space = data.indexOf(0x20, at);
    const length = parseInt(data.toString('latin1', at, space), 10);
    if (space === -1 || !(length > 0)) break;
    const record = data.toString('utf8', space + 1, at + length - 1);
    const eq = record.indexOf('=');
    records.set(record.slice(0, eq), record.slice(eq + 1));
    at += length;
  }
  return records;
}

/**
 * Reads a tar stream; for every regular file whose path `select` accepts, calls `onFile(path, bytes)`.
 * Stops at the end-of-archive marker.
 */
export async function readTar(
  source: AsyncIterable<Uint8Array>,
  select: (path: string) => boolean,
  onFile: (path: string, data: Buffer) => void | Promise<void>,
): Promise<void> {
  const iterator = source[Symbol.asyncIterator]();
  const queue = new ByteQueue(iterator);
  let override: { path?: string; size?: number } = {};
  try {
    for (;;) {
      const block = await queue.take(BLOCK);
      const header = block && parseHeader(block);
      if (!header) return;
      const size = override.size ?? header.size;
      const path = override.path ?? header.name;
      const padding = (BLOCK - (size % BLOCK)) % BLOCK;
      const isFile = header.type === '0' || header.type === '7';
      const wantData = header.type === 'x' || header.type === 'L' || (isFile && select(path));
      const data = await queue.take(size, wantData);
      if (!data || !(await queue.take(padding, false))) throw new HpoArenaError('The tar archive ends in the middle of an entry (truncated download?).');
      if (header.type === 'x') {
        const records = paxRecords(data);
        override = { path: records.get('path'), size: records.has('size') ? Number(records.get('size')) : undefined };
        continue;
      }
      if (header.type === 'L') {
        override = { path: text(data, 0, data.length) };
        continue;
      }
      if (header.type === 'g' || header.type === 'K') continue; // global pax header, GNU long link name: nothing we use
      override = {};
      if (isFile && wantData) await onFile(path, data);
    }
  } finally {
    await iterator.return?.();
  }
}
