import type { IncumbentEntry, Optimizer, TaskView, TrialInfo, TrialValue } from '../../core/index.js';
import { checkProposal, fail, type ToldTrial } from './checks.js';

/**
 * Wraps the optimizer under test for the run loop: every proposal is checked as it arrives
 * (before the loop's own validation, so the failure names the trial and the config), every
 * call that throws becomes a failure naming the call, and what was asked and told is recorded.
 */
export class CheckedOptimizer implements Optimizer {
  readonly proposals: TrialInfo[] = [];
  readonly told: ToldTrial[] = [];

  constructor(
    private readonly inner: Optimizer,
    private readonly view: TaskView,
    private readonly where: string,
  ) {}

  async ask(): Promise<TrialInfo> {
    const where = `${this.where}, trial ${this.proposals.length}`;
    const info = await guarded(where, 'ask()', () => this.inner.ask());
    checkProposal(this.view, info, where);
    this.proposals.push(info);
    return info;
  }

  async tell(info: TrialInfo, value: TrialValue): Promise<void> {
    const where = `${this.where}, trial ${this.told.length}`;
    await guarded(where, `tell(status ${value.status}, cost ${JSON.stringify(value.cost)}) of config ${JSON.stringify(info.config)}`, () => this.inner.tell(info, value));
    this.told.push({ info, value });
  }

  incumbent(): readonly IncumbentEntry[] {
    try {
      return this.inner.incumbent();
    } catch (error) {
      fail(`${this.where}: incumbent() threw: ${describeThrown(error)}`);
    }
  }

  async close(): Promise<void> {
    await guarded(this.where, 'close()', () => this.inner.close?.());
  }
}

async function guarded<T>(where: string, call: string, fn: () => T | Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    fail(`${where}: ${call} threw: ${describeThrown(error)}`);
  }
}

/** The message and where it was thrown (the first stack frame), on one line. */
export function describeThrown(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const frame = error.stack?.split('\n').find((line) => line.trimStart().startsWith('at '))?.trim();
  return frame ? `${error.name}: ${error.message} (${frame})` : `${error.name}: ${error.message}`;
}
