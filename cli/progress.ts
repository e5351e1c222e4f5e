import cliProgress from 'cli-progress';

/** A progress bar over runs on a terminal; silent when stdout is not a TTY. */
export interface Progress {
  runDone(failed: boolean): void;
  setTrials(trials: number): void;
  stop(): void;
}

export function createProgress(totalRuns: number): Progress {
  if (!process.stdout.isTTY || totalRuns === 0) return { runDone() {}, setTrials() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    { format: 'runs {bar} {value}/{total} | failed {failed} | trials {trials} | {duration_formatted}', hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let done = 0;
  let failed = 0;
  let trials = 0;
  let stopped = false;
  bar.start(totalRuns, 0, { failed, trials });
  return {
    runDone(runFailed) {
      if (stopped) return;
      done++;
      if (runFailed) failed++;
      bar.update(done, { failed, trials });
    },
    setTrials(n) {
      if (stopped) return;
      trials = n;
      bar.update(done, { failed, trials });
    },
    /** Restores the cursor and line wrap; safe to call twice (a signal, then the command's own cleanup). */
    stop() {
      if (stopped) return;
      stopped = true;
      bar.stop();
    },
  };
}
