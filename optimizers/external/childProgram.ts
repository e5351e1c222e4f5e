import { spawn, type ChildProcess } from 'node:child_process';
import { LineSplitter } from './lineSplitter.js';

/** How to start an external optimizer program. */
export interface LaunchSpec {
  readonly command: string;
  readonly args: readonly string[];
  /** Added to (and overriding) the harness's environment. */
  readonly env?: Readonly<Record<string, string>>;
  readonly cwd?: string;
  /** How messages name the program, e.g. "python3 my_optimizer.py". */
  readonly label: string;
}

export interface ExitStatus {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

const STDERR_LINES = 20;
const STDERR_LINE_CHARS = 400;

/** Children alive in this process (thread), killed synchronously if it exits with them still running. */
const alive = new Set<ChildProgram>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const child of alive) child.killNow();
  });
}

/**
 * One running program: spawned in its own process group (so a wrapper script's children die
 * with it), stdout split into lines for the protocol, the last stderr lines kept for error
 * messages, and reaped on every path: `terminate()` on close or error, a synchronous kill of
 * the group when the harness process exits. The program itself exits when its stdin reaches
 * EOF (the harness died, even by kill -9), which the protocol requires.
 */
export class ChildProgram {
  readonly label: string;
  private readonly process: ChildProcess;
  private readonly stderrLines: string[] = [];
  private stderrPartial = '';
  /** Complete stdout lines go to onLine, read when each line arrives (callers set it after construction). */
  private readonly stdoutLines = new LineSplitter((line) => this.onLine(line));
  private exitStatus: ExitStatus | undefined;
  private spawnError: Error | undefined;
  /** Lines sent in this tick, not yet written. */
  private outgoing: string | undefined;
  readonly exited: Promise<ExitStatus>;
  private readonly stderrClosed: Promise<void>;
  /** Called with each complete stdout line. */
  onLine: (line: string) => void = () => {};
  /** Called once when the program exits or cannot be started. */
  onExit: (status: ExitStatus, spawnError?: Error) => void = () => {};

  constructor(spec: LaunchSpec) {
    this.label = spec.label;
    installExitHook();
    this.process = spawn(spec.command, [...spec.args], {
      cwd: spec.cwd,
      env: { ...process.env, ...spec.env, HPOARENA_PARENT_PID: String(process.pid) },
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true,
    });
    alive.add(this);
    this.process.stdin!.on('error', () => {}); // EPIPE after the program died: its exit reports the failure
    this.process.stdout!.setEncoding('utf8');
    this.process.stdout!.on('data', (chunk: string) => this.stdoutLines.push(chunk));
    this.process.stderr!.setEncoding('utf8');
    this.process.stderr!.on('data', (chunk: string) => this.readStderr(chunk));
    this.stderrClosed = new Promise((resolve) => {
      this.process.stderr!.once('close', () => resolve());
      this.process.once('error', () => resolve());
    });
    this.exited = new Promise((resolve) => {
      const finish = (status: ExitStatus) => {
        if (this.exitStatus) return;
        this.exitStatus = status;
        alive.delete(this);
        this.onExit(status, this.spawnError);
        resolve(status);
      };
      this.process.once('exit', (code, signal) => finish({ code, signal }));
      this.process.once('error', (error) => {
        // Raised when the program cannot be started (ENOENT, EACCES) or cannot be signalled.
        if (this.process.pid !== undefined) return;
        this.spawnError = error;
        finish({ code: null, signal: null });
      });
    });
  }

  get pid(): number | undefined {
    return this.process.pid;
  }

  get running(): boolean {
    return this.exitStatus === undefined && this.process.pid !== undefined;
  }

  /**
   * Writes one protocol line; a dead program's EPIPE is ignored (its exit reports the failure).
   * Lines sent in the same tick leave in one write of one string (an unanswered tell and the
   * next ask), so the program wakes once for them and the write costs one syscall, not a writev.
   */
  send(line: string): void {
    if (!this.running) return;
    if (this.outgoing === undefined) {
      this.outgoing = line + '\n';
      process.nextTick(() => this.flushOutgoing());
    } else {
      this.outgoing += line + '\n';
    }
  }

  private flushOutgoing(): void {
    const text = this.outgoing;
    this.outgoing = undefined;
    if (text !== undefined && this.running) this.process.stdin!.write(text);
  }

  /** Closes the program's stdin (after any line still to be written): the protocol's "exit now". */
  endInput(): void {
    this.flushOutgoing();
    if (this.running) this.process.stdin!.end();
  }

  /** The last stderr lines (at most 20), for error messages. */
  stderrTail(): string[] {
    return this.stderrPartial ? [...this.stderrLines, this.stderrPartial] : [...this.stderrLines];
  }

  /** Waits until the program's stderr is closed (so its last words are in the tail), at most `ms`. */
  async settleStderr(ms = 300): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.stderrClosed, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
    clearTimeout(timer);
  }

  /** SIGKILL to the whole process group, synchronously (used on harness exit). */
  killNow(): void {
    this.signal('SIGKILL');
  }

  /**
   * Ends the program and reaps it: waits `graceMs` for it to exit by itself (after `close`
   * or closing stdin), then SIGTERM to its group, then SIGKILL after `killMs`.
   */
  async terminate(graceMs = 0, killMs = 1000): Promise<ExitStatus> {
    if (!this.running) return this.exited;
    this.endInput();
    if (graceMs > 0 && (await this.exitsWithin(graceMs))) return this.exited;
    this.signal('SIGTERM');
    if (await this.exitsWithin(killMs)) return this.exited;
    this.signal('SIGKILL');
    return this.exited;
  }

  private async exitsWithin(ms: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
    const result = await Promise.race([this.exited.then(() => true), timedOut]);
    clearTimeout(timer);
    return result;
  }

  private signal(signal: NodeJS.Signals): void {
    const pid = this.process.pid;
    if (pid === undefined || this.exitStatus !== undefined) return;
    try {
      process.kill(-pid, signal); // the group: the program and anything it started
    } catch {
      try {
        this.process.kill(signal);
      } catch {
        // already gone
      }
    }
  }

  private readStderr(chunk: string): void {
    const parts = (this.stderrPartial + chunk).split('\n');
    this.stderrPartial = parts.pop() ?? '';
    for (const line of parts) this.keepStderr(line);
    if (this.stderrPartial.length > 64 * STDERR_LINE_CHARS) this.flushStderr();
  }

  private flushStderr(): void {
    if (this.stderrPartial) this.keepStderr(this.stderrPartial);
    this.stderrPartial = '';
  }

  private keepStderr(line: string): void {
    const trimmed = line.replace(/\r$/, '');
    if (trimmed.trim() === '') return;
    this.stderrLines.push(trimmed.length > STDERR_LINE_CHARS ? `${trimmed.slice(0, STDERR_LINE_CHARS)} ...` : trimmed);
    if (this.stderrLines.length > STDERR_LINES) this.stderrLines.shift();
  }
}
