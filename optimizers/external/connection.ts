import { ChildProgram, type ExitStatus, type LaunchSpec } from './childProgram.js';
import { EXPECTED_RESPONSE, PROTOCOL_V1, PROTOCOL_V2, responseProblem, SUPPORTED_PROTOCOLS, type Request, type Response } from './protocol.js';

/**
 * A failed external optimizer: it could not start, timed out, crashed, printed something that
 * is not a protocol message, reported an error or proposed an invalid configuration. The
 * message names the program and ends with its last stderr lines; the runner stores it as the
 * run's error.
 */
export class ExternalOptimizerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExternalOptimizerError';
  }
}

export interface Timeouts {
  /** From spawning the program to its 'ready' answer to 'init'. */
  readonly startupMs: number;
  /** For every later answer. */
  readonly messageMs: number;
}

type RequestBody = Request extends infer R ? (R extends Request ? Omit<R, 'id'> : never) : never;

interface Pending {
  readonly id: number;
  readonly type: Request['type'];
  readonly resolve: (response: Response) => void;
  readonly reject: (error: Error) => void;
  /** performance.now() past which the request has timed out. */
  readonly deadline: number;
  /** What the failure says when it times out. */
  readonly late: string;
}

/**
 * One protocol session with one program: strictly one request in flight, answers matched by
 * id, every fault (timeout, crash, garbage, an 'error' answer) fatal: the program is killed and
 * reaped, and this and every later request reject with the same ExternalOptimizerError.
 * The version is negotiated at `init`: under /2 `tell` is sent with `notify` and not answered
 * (an 'error' for it fails the session when it arrives, at the latest while the next request waits).
 */
export class Connection {
  private readonly child: ChildProgram;
  private nextId = 1;
  private pending: Pending | undefined;
  private failure: Promise<ExternalOptimizerError> | undefined;
  private closing = false;
  /** The version the program answered in 'ready'. */
  private version = PROTOCOL_V1;
  /** Id of the last unanswered (version 2) tell, to name it when an 'error' answers it. */
  private lastNotified: number | undefined;
  /**
   * One timer watches every request's deadline, so a round trip does not arm and clear a timer
   * (thousands a second). It fires at the deadline it was armed for, re-arms for a later one
   * and is unref'd (the program's pipes keep the process alive while a request waits).
   */
  private watchdog: NodeJS.Timeout | undefined;
  private watchdogAt = Infinity;

  private constructor(spec: LaunchSpec, private readonly timeouts: Timeouts) {
    this.child = new ChildProgram(spec);
    this.child.onLine = (line) => this.receive(line);
    this.child.onExit = (status, spawnError) => {
      if (spawnError) void this.fail(`could not be started: ${spawnError.message}`);
      else if (!this.closing) void this.fail(exitText(status));
    };
  }

  /**
   * Starts the program and sends `init` (offering every version the harness speaks); resolves
   * once it answered 'ready' with one of them.
   */
  static async open(spec: LaunchSpec, init: Omit<Extract<Request, { type: 'init' }>, 'id' | 'type' | 'protocol' | 'protocols'>, timeouts: Timeouts): Promise<Connection> {
    const connection = new Connection(spec, timeouts);
    const ready = await connection.request({ type: 'init', protocol: PROTOCOL_V1, protocols: SUPPORTED_PROTOCOLS, ...init }, timeouts.startupMs);
    if (ready.type === 'ready' && !SUPPORTED_PROTOCOLS.includes(ready.protocol)) {
      throw await connection.fail(`speaks protocol '${String(ready.protocol)}', but the harness speaks ${SUPPORTED_PROTOCOLS.map((v) => `'${v}'`).join(' or ')}`);
    }
    connection.version = (ready as Extract<Response, { type: 'ready' }>).protocol;
    const capabilities = (ready as Extract<Response, { type: 'ready' }>).capabilities;
    connection.capabilities = Array.isArray(capabilities) ? capabilities.filter((c): c is string => typeof c === 'string') : [];
    return connection;
  }

  /** What the program declared in 'ready' (e.g. 'pending'); empty for programs that declare nothing. */
  capabilities: readonly string[] = [];

  /** The negotiated protocol version. */
  get protocol(): string {
    return this.version;
  }

  /** True when 'tell' goes unanswered (version 2): send it with `notify`. */
  get tellsUnanswered(): boolean {
    return this.version === PROTOCOL_V2;
  }

  /**
   * Sends a request that gets no answer (a version-2 'tell'). Rejects at once if the session
   * already failed; a fault it causes fails the request that follows it.
   */
  notify(body: RequestBody): Promise<void> {
    if (this.failure) return this.failure.then((error) => Promise.reject(error));
    if (this.pending) return Promise.reject(new Error(`External optimizer '${this.child.label}': '${body.type}' sent while '${this.pending.type}' is unanswered.`));
    const id = this.nextId++;
    this.lastNotified = id;
    this.child.send(JSON.stringify(withId(body, id)));
    return Promise.resolve();
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Sends one request and resolves with its answer (of the type the request expects). */
  request(body: RequestBody, timeoutMs = this.timeouts.messageMs): Promise<Response> {
    if (this.failure) return this.failure.then((error) => Promise.reject(error));
    if (this.pending) return Promise.reject(new Error(`External optimizer '${this.child.label}': '${body.type}' sent while '${this.pending.type}' is unanswered.`));
    const id = this.nextId++;
    return new Promise<Response>((resolve, reject) => {
      const late = body.type === 'init' ? `did not start: no 'ready' answer to 'init' within ${timeoutMs / 1000} s` : `did not answer '${body.type}' within ${timeoutMs / 1000} s`;
      const deadline = performance.now() + timeoutMs;
      this.pending = { id, type: body.type, resolve, reject, deadline, late };
      this.watch(deadline);
      this.child.send(JSON.stringify(withId(body, id)));
    });
  }

  /** Makes sure the watchdog fires no later than `deadline`. */
  private watch(deadline: number): void {
    if (this.watchdog !== undefined && this.watchdogAt <= deadline) return;
    clearTimeout(this.watchdog);
    this.watchdogAt = deadline;
    this.watchdog = setTimeout(() => this.onWatchdog(), Math.max(0, deadline - performance.now()));
    this.watchdog.unref();
  }

  private onWatchdog(): void {
    this.watchdog = undefined;
    this.watchdogAt = Infinity;
    const pending = this.pending;
    if (!pending || this.failure) return;
    if (performance.now() >= pending.deadline) void this.fail(pending.late);
    else this.watch(pending.deadline);
  }

  /**
   * Ends the session: 'close' (answered by 'bye' and the program's exit), then SIGTERM and
   * SIGKILL to its process group if it lingers. Always resolves after the program is reaped.
   */
  async close(): Promise<void> {
    if (this.failure) {
      await this.failure;
      await this.child.exited;
      return;
    }
    if (this.pending) {
      // Closed with a request in flight (the run was interrupted): end the program now and settle the request.
      await this.fail(`was stopped by the harness while '${this.pending.type}' was unanswered`);
      return;
    }
    this.closing = true;
    if (this.child.running) {
      try {
        await this.request({ type: 'close' }, Math.min(this.timeouts.messageMs, 5000));
      } catch {
        // a program that fails to say 'bye' is ended below all the same
      }
    }
    await this.child.terminate(2000);
    clearTimeout(this.watchdog);
  }

  /**
   * Records the first fault: kills and reaps the program, collects its last stderr lines and
   * rejects the request in flight. Later calls return the same error.
   */
  fail(what: string): Promise<ExternalOptimizerError> {
    if (this.failure) return this.failure;
    this.failure = (async () => {
      const pending = this.pending;
      clearTimeout(this.watchdog);
      this.watchdog = undefined;
      const during = pending ? `, during '${pending.type}',` : '';
      const pid = this.child.pid === undefined ? '' : ` (pid ${this.child.pid})`;
      await this.child.terminate(0, 500);
      await this.child.settleStderr();
      const error = new ExternalOptimizerError(`External optimizer '${this.child.label}'${pid}${during} ${what.replace(/\.+$/, '')}.${stderrText(this.child.stderrTail())}`);
      this.pending = undefined;
      pending?.reject(error);
      return error;
    })();
    return this.failure;
  }

  private receive(line: string): void {
    if (this.failure) return;
    let message: unknown;
    try {
      message = JSON.parse(line);
    } catch {
      void this.fail(`printed a line that is not a protocol message (log to stderr, not stdout): ${quote(line)}`);
      return;
    }
    const problem = responseProblem(message);
    if (problem) {
      void this.fail(`sent a malformed message (${problem}): ${quote(line)}`);
      return;
    }
    const response = message as Response;
    const pending = this.pending;
    if (response.type === 'error') {
      // A program handles lines in order, so an error for a tell comes before the answer to the request after it.
      const told = response.id !== null && response.id === this.lastNotified;
      void this.fail(`reported an error${told ? ` for 'tell' ${response.id}` : ''}: ${response.message}`);
      return;
    }
    if (response.type === 'ack' && this.tellsUnanswered && (!pending || response.id !== pending.id)) {
      void this.fail(`answered 'tell' ${response.id} with 'ack', but under '${PROTOCOL_V2}' (the version it chose) 'tell' is not answered`);
      return;
    }
    if (!pending || response.id !== pending.id) {
      void this.fail(`sent an answer with id ${response.id}, but ${pending ? `'${pending.type}' ${pending.id}` : 'no request'} is waiting: ${quote(line)}`);
      return;
    }
    if (response.type !== EXPECTED_RESPONSE[pending.type]) {
      void this.fail(`answered '${pending.type}' with '${response.type}' (expected '${EXPECTED_RESPONSE[pending.type]}')`);
      return;
    }
    this.pending = undefined;
    pending.resolve(response);
  }
}

/** The request as sent: its body with the id added (bodies are fresh literals, so no copy). */
function withId(body: RequestBody, id: number): Request {
  return Object.assign(body, { id }) as Request;
}

function exitText(status: ExitStatus): string {
  if (status.signal) return `was killed by signal ${status.signal}`;
  return `exited unexpectedly with code ${status.code}`;
}

function quote(line: string): string {
  return JSON.stringify(line.length > 200 ? `${line.slice(0, 200)}...` : line);
}

function stderrText(lines: readonly string[]): string {
  if (lines.length === 0) return ' It wrote nothing to stderr.';
  return `\nLast lines of its stderr:\n${lines.map((l) => `  | ${l}`).join('\n')}`;
}
