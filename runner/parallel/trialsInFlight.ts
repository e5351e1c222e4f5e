/** One trial running on a worker slot of the simulated clock. */
export interface InFlight<T> {
  readonly trial: T;
  readonly slot: number;
  readonly simStart: number;
  readonly simEnd: number;
  /** Position among the run's asks: breaks ties between trials that end at the same time. */
  readonly askIndex: number;
}

/**
 * K worker slots on a run's simulated clock (Syne Tune's simulator backend, in miniature): a
 * trial starts on the lowest free slot at the current time and holds it for its duration;
 * `finishNext` advances the clock to the earliest end and frees that slot. Ties (equal end
 * times) go to the trial asked first, so the order depends on nothing but the trials' durations.
 */
export class TrialsInFlight<T> {
  private readonly running: Array<InFlight<T>> = [];
  private readonly busy: boolean[];
  private clock = 0;

  constructor(readonly slots: number) {
    this.busy = Array(slots).fill(false);
  }

  get size(): number {
    return this.running.length;
  }

  get full(): boolean {
    return this.running.length >= this.slots;
  }

  /** The simulated time now: the end of the last finished trial. */
  get now(): number {
    return this.clock;
  }

  /** Where the next started trial would run: the lowest free slot, from now. */
  nextSlot(): { slot: number; simStart: number } {
    const slot = this.busy.indexOf(false);
    if (slot < 0) throw new Error('No free worker slot: finish a trial first.');
    return { slot, simStart: this.clock };
  }

  start(trial: T, duration: number, askIndex: number): InFlight<T> {
    const { slot, simStart } = this.nextSlot();
    const entry: InFlight<T> = { trial, slot, simStart, simEnd: simStart + duration, askIndex };
    this.busy[slot] = true;
    this.running.push(entry);
    return entry;
  }

  /** Removes the trial that ends first (ties: asked first) and moves the clock to its end. */
  finishNext(): InFlight<T> {
    if (this.running.length === 0) throw new Error('No trial in flight.');
    let best = 0;
    for (let i = 1; i < this.running.length; i++) {
      const a = this.running[i];
      const b = this.running[best];
      if (a.simEnd < b.simEnd || (a.simEnd === b.simEnd && a.askIndex < b.askIndex)) best = i;
    }
    // Order among the running does not matter (the choice above is by end and ask order): swap-remove.
    const done = this.running[best];
    const last = this.running.pop()!;
    if (best < this.running.length) this.running[best] = last;
    this.busy[done.slot] = false;
    this.clock = done.simEnd;
    return done;
  }
}
