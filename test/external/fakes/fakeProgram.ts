/**
 * A misbehaving protocol program for the fault tests: `node fakeProgram.js MODE`. It answers
 * like a random-search program except where MODE says otherwise. Appends its pid (a line) to
 * $FAKE_PID_FILE when set, and some stderr lines so tests can check the tail is reported.
 * It speaks hpoarena-ask-tell/2 when offered; with FAKE_PROTOCOL=v1 it is a program written
 * for version 1 only (it reads `init.protocol` alone, insists on /1 and acknowledges tells).
 */
import { appendFileSync, writeFileSync } from 'node:fs';
import { Rng, SearchSpace } from '../../../core/index.js';
import { readStdinLines } from '../../../optimizers/external/lineSplitter.js';

const mode = process.argv[2] ?? 'ok';
if (process.env.FAKE_PID_FILE) appendFileSync(process.env.FAKE_PID_FILE, `${process.pid}\n`); // one line per program started
process.stderr.write(`fake program starting in mode ${mode}\n`);

let space: SearchSpace | undefined;
let rng = new Rng(0);
let asks = 0;
let tells = 0;
/** stdin 'data' events (reads of harness lines); written to $FAKE_READS_FILE at close. */
let chunks = 0;
const oldProgram = process.env.FAKE_PROTOCOL === 'v1';
let silentTells = false;

function send(message: unknown): void {
  process.stdout.write(JSON.stringify(message) + '\n');
}

function handle(message: { type: string; id: number; [key: string]: unknown }): void {
  const { id } = message;
  switch (message.type) {
    case 'init':
      if (mode === 'never-ready') return;
      space = SearchSpace.fromConfigSpaceJson(message.space);
      rng = new Rng(Number(message.seed));
      if (oldProgram && message.protocol !== 'hpoarena-ask-tell/1') return send({ type: 'error', id, message: `unsupported protocol ${String(message.protocol)}` });
      silentTells = !oldProgram && (message.protocols as string[]).includes('hpoarena-ask-tell/2');
      return send({ type: 'ready', id, protocol: mode === 'wrong-protocol' ? 'something-else/9' : silentTells ? 'hpoarena-ask-tell/2' : 'hpoarena-ask-tell/1' });
    case 'ask': {
      asks++;
      if (mode === 'slow-ask' && asks === 2) return; // never answers: the per-message timeout fires
      if (mode === 'crash' && asks === 3) {
        process.stderr.write('Traceback (most recent call last):\nRuntimeError: fake crash on the third ask\n');
        process.exit(3);
      }
      if (mode === 'garbage' && asks === 2) return void process.stdout.write('Iteration 2: best so far 0.123\n');
      if (mode === 'error' && asks === 2) return send({ type: 'error', id, message: 'the model failed to fit' });
      const config: Record<string, unknown> = { ...space!.sample(rng) };
      if (mode === 'out-of-range' && asks === 2) config[space!.names[0]] = 1e9;
      // A log-space mapping of u = 1 lands a few ulps above the upper bound: the harness clips it.
      if (mode === 'ulps-above' && asks === 2) config[space!.names[0]] = 1 + 4e-16;
      if (mode === 'wrong-id' && asks === 2) return send({ type: 'proposal', id: id + 7, config });
      return send({ type: 'proposal', id, trial: asks, config });
    }
    case 'tell':
      tells++;
      if (mode === 'tell-error' && tells === 2) return send({ type: 'error', id, message: 'cannot learn from this trial' });
      if (mode === 'ack-anyway' || !silentTells) return send({ type: 'ack', id });
      return;
    case 'incumbent':
      return send({ type: 'incumbent', id, entries: [] });
    case 'close':
      if (process.env.FAKE_READS_FILE) writeFileSync(process.env.FAKE_READS_FILE, String(chunks));
      send({ type: 'bye', id });
      if (mode === 'stubborn') return; // says bye but keeps running, ignoring SIGTERM
      return process.exit(0);
  }
}

if (mode === 'stubborn') process.on('SIGTERM', () => process.stderr.write('ignoring SIGTERM\n'));

process.stdin.on('data', () => chunks++); // reads, counted by the one-round-trip test
readStdinLines((line) => handle(JSON.parse(line)));
// Exit at EOF like the protocol asks; 'stubborn' ignores it (close must escalate to SIGKILL).
process.stdin.on('end', () => {
  if (mode !== 'stubborn') process.exit(0);
});
if (mode === 'stubborn') setInterval(() => {}, 1000);
