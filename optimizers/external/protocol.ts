/**
 * The messages of the hpoarena ask/tell protocol (docs/protocol.md): one JSON object a line
 * over the program's stdin (requests) and stdout (responses). Every message has a `type`
 * and an `id`; a response carries the id of the request it answers.
 */

export const PROTOCOL_VERSION = 'hpoarena-ask-tell/1';

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type ConfigJson = Record<string, string | number | boolean>;

/** Harness -> program. */
export type Request =
  | {
      readonly type: 'init';
      readonly id: number;
      readonly protocol: string;
      /** ConfigSpace serialized JSON (1.x layout). */
      readonly space: Json;
      readonly objectives: ReadonlyArray<{ readonly name: string; readonly direction: 'minimize' | 'maximize' }>;
      readonly fidelity: { readonly name: string; readonly min: number; readonly max: number; readonly integer: boolean } | null;
      readonly budget: { readonly n_trials: number; readonly seconds: number | null };
      readonly seed: number;
      readonly options: Json;
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
  | { readonly type: 'ready'; readonly id: number; readonly protocol: string; readonly name?: string }
  | { readonly type: 'proposal'; readonly id: number; readonly trial?: Json; readonly config: ConfigJson; readonly fidelity?: number | null }
  | { readonly type: 'ack'; readonly id: number }
  | { readonly type: 'incumbent'; readonly id: number; readonly entries: IncumbentJson[] }
  | { readonly type: 'bye'; readonly id: number }
  | { readonly type: 'error'; readonly id: number | null; readonly message: string };

/** The response type each request expects (an 'error' answers any of them). */
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
