import { constants } from 'node:os';
import { maskCredentials } from '../runner/index.js';

/**
 * Ctrl-C and SIGTERM during `run`. The first signal restores the terminal and aborts the
 * experiment (runs stop, keep their trials and are stored 'interrupted'); the command then
 * prints its one-line summary. A second signal exits at once.
 */
export interface SignalInterruption {
  readonly signal: AbortSignal;
  /** The signal received, if any. */
  readonly received: NodeJS.Signals | undefined;
  dispose(): void;
}

export function interruptOnSignals(restoreTerminal: () => void): SignalInterruption {
  const controller = new AbortController();
  let received: NodeJS.Signals | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    restoreTerminal();
    if (received) {
      process.stderr.write(`\nhpoarena: second ${signal}: exiting now; runs left 'running' resume on the next run.\n`);
      process.exit(signalExitCode(signal));
    }
    received = signal;
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    signal: controller.signal,
    get received() {
      return received;
    },
    dispose() {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}

/** The shell's convention: 128 + the signal number (130 for SIGINT, 143 for SIGTERM). */
export function signalExitCode(signal: NodeJS.Signals): number {
  return 128 + (constants.signals[signal] ?? 0);
}

/** The command line that repeats this one (for "resume with: ..."), quoted for a POSIX shell. */
export function thisCommandLine(): string {
  return maskCredentials(['hpoarena', ...process.argv.slice(2)].map(shellQuote).join(' '));
}

function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
