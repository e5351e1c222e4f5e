/**
 * Where training runs. cpu and wasm train in the calling thread (a pool worker thread: each has its
 * own TensorFlow.js engine). The native backends train in one child process per calling thread:
 * libtensorflow's binding cannot be loaded by a second worker thread of one process (it fails with
 * "Module did not self-register", tensorflow/tfjs#8388, #2079), so a pool of worker threads would
 * have only one that could train. Requests and results cross the process boundary as plain JSON.
 */
import { fork, type ChildProcess } from 'node:child_process';
import type { BackendName } from './backend.js';
import { candidate } from './backend.js';
import type { TrainRequest, TrainResult } from './training.js';

export interface Trainer {
  readonly placement: 'thread' | 'child-process';
  train(request: TrainRequest): Promise<TrainResult>;
  close(): void;
}

export function trainerFor(backend: BackendName): Trainer {
  return candidate(backend).native ? childProcessTrainer() : inThreadTrainer();
}

export function inThreadTrainer(): Trainer {
  return {
    placement: 'thread',
    train: async (request) => (await import('./training.js')).train(request),
    close: () => undefined,
  };
}

type Reply = { id: number; result: TrainResult } | { id: number; error: string };

/** A child process that trains (started on first use, with this process's environment, so the same forced backend). */
export function childProcessTrainer(env: NodeJS.ProcessEnv = process.env): Trainer {
  let child: ChildProcess | undefined;
  let nextId = 0;
  const pending = new Map<number, { resolve: (r: TrainResult) => void; reject: (e: Error) => void }>();
  const failAll = (error: Error) => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
    child = undefined;
  };
  const start = (): ChildProcess => {
    const started = fork(new URL('./trainerProcess.js', import.meta.url), [], { env, serialization: 'advanced', stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    started.on('message', (reply: Reply) => {
      const waiting = pending.get(reply.id);
      if (!waiting) return;
      pending.delete(reply.id);
      if ('error' in reply) waiting.reject(new Error(reply.error));
      else waiting.resolve(reply.result);
    });
    started.on('exit', (code, signal) => failAll(new Error(`The tfjs trainer process exited (${signal ?? `code ${code}`}).`)));
    started.on('error', failAll);
    // An idle trainer must not keep the calling process alive.
    started.unref();
    started.channel?.unref();
    return started;
  };
  return {
    placement: 'child-process',
    train(request) {
      child ??= start();
      const id = nextId++;
      const running = child;
      running.channel?.ref();
      return new Promise<TrainResult>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        running.send({ id, request });
      }).finally(() => {
        if (pending.size === 0) running.channel?.unref();
      });
    },
    close() {
      child?.kill();
      child = undefined;
    },
  };
}
