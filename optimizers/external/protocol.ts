/**
 * The messages of the hpoarena ask/tell protocol (docs/protocol.md): one JSON object a line
 * over the program's stdin (requests) and stdout (responses). Every message has a `type`
 * and an `id`; a response carries the id of the request it answers.
 *
 * Two versions: in /1 every request is answered (a trial costs two round trips: ask, tell);
 * in /2 `tell` goes unanswered, so a trial costs one (the tell travels with the next ask).
 */

/** The first version: `tell` is answered by `ack`. */
export const PROTOCOL_V1 = 'hpoarena-ask-tell/1';
/** The current version: `tell` is not answered. */
export const PROTOCOL_V2 = 'hpoarena-ask-tell/2';
/** The newest version the harness speaks; a program answers `ready` with one of SUPPORTED_PROTOCOLS. */
export const PROTOCOL_VERSION = PROTOCOL_V2;
/**
 * The capability a program lists in `ready.capabilities` when it can be asked again before
 * earlier trials are told (runs with parallel trials); without it such runs fail at the start.
 * Any protocol version may carry it; programs that do not list it run one trial at a time.
 */
export const CAPABILITY_PENDING = 'pending';
/** Every version the harness speaks, newest first (sent in `init.protocols`). */
export const SUPPORTED_PROTOCOLS: readonly string[] = [PROTOCOL_V2, PROTOCOL_V1];

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type ConfigJson = Record<string, string | number | boolean>;

/** Harness -> program. */
export type Request =
  | {
      readonly type: 'init';
      readonly id: number;
      /** Always 'hpoarena-ask-tell/1', so that programs written for version 1 (which check it) still start. */
      readonly protocol: string;
      /** The versions the harness speaks, newest first: the program answers with the newest it speaks. */
      readonly protocols: readonly string[];
      /** ConfigSpace serialized JSON (1.x layout). */
      readonly space: Json;
      readonly objectives: ReadonlyArray<{ readonly name: string; readonly direction: 'minimize' | 'maximize' }>;
      readonly fidelity: { readonly name: string; readonly min: number; readonly max: number; readonly integer: boolean } | null;
      readonly budget: { readonly n_trials: number; readonly seconds: number | null };
      readonly seed: number;
      readonly options: Json;
      /** Sent only when the run keeps K > 1 trials in flight: asks come before earlier tells, tells in any order. */
      readonly parallel_trials?: number;
    }
  | { readonly type: 'ask'; readonly id: number }
  | {
      readonly type: 'tell';
      readonly id: number;
      /** The handle the program gave in its proposal; null for a trial it never proposed. */
      readonly trial: Json;
      readonly config: ConfigJson;
      readonly fidelity: number | null;
      /** One value per objective, to be minimized; null where not finite. */
      readonly cost: Array<number | null>;
      readonly status: 'ok' | 'crashed' | 'timeout' | 'memoryout';
      readonly wall_time: number;
      readonly virtual_time: number;
    }
  | { readonly type: 'incumbent'; readonly id: number }
  | { readonly type: 'close'; readonly id: number };

export type RequestType = Request['type'];

export interface IncumbentJson {
  readonly config: ConfigJson;
  readonly fidelity?: number | null;
  readonly cost: Array<number | null>;
}

/** Program -> harness. */
export type Response =
  | { readonly type: 'ready'; readonly id: number; readonly protocol: string; readonly name?: string; readonly capabilities?: readonly string[] }
  | { readonly type: 'proposal'; readonly id: number; readonly trial?: Json; readonly config: ConfigJson; readonly fidelity?: number | null }
  | { readonly type: 'ack'; readonly id: number }
  | { readonly type: 'incumbent'; readonly id: number; readonly entries: IncumbentJson[] }
  | { readonly type: 'bye'; readonly id: number }
  | { readonly type: 'error'; readonly id: number | null; readonly message: string };

/** The response type each request expects in version 1 (an 'error' answers any of them); in version 2 'tell' expects none. */
export const EXPECTED_RESPONSE: Record<RequestType, Response['type']> = {
  init: 'ready',
  ask: 'proposal',
  tell: 'ack',
  incumbent: 'incumbent',
  close: 'bye',
};

/** Checks one parsed stdout line is a response object; the reason it is not, or undefined. */
export function responseProblem(message: unknown): string | undefined {
  if (typeof message !== 'object' || message === null || Array.isArray(message)) return 'a response must be a JSON object';
  const { type, id } = message as { type?: unknown; id?: unknown };
  if (typeof type !== 'string') return "a response needs a string 'type'";
  if (!['ready', 'proposal', 'ack', 'incumbent', 'bye', 'error'].includes(type)) return `unknown response type '${type}'`;
  if (type !== 'error' && typeof id !== 'number') return `a '${type}' response needs the numeric 'id' of its request`;
  if (type === 'error' && typeof (message as { message?: unknown }).message !== 'string') return "an 'error' response needs a string 'message'";
  if (type === 'proposal') {
    const config = (message as { config?: unknown }).config;
    if (typeof config !== 'object' || config === null || Array.isArray(config)) return "a 'proposal' needs a 'config' object";
  }
  return undefined;
}
