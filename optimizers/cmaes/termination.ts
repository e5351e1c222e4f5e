import type { CmaState } from './cmaState.js';

/** Why a CMA-ES run stopped (the restart triggers of IPOP-CMA-ES). */
export type StopReason = 'tolfun' | 'tolx' | 'tolxup' | 'noeffectaxis' | 'noeffectcoord' | 'conditioncov' | 'stagnation' | 'numerics';

/**
 * Termination criteria of one CMA-ES run, with the thresholds of Hansen's tutorial / pycma:
 * tolfun 1e-12 over the last 10 + ceil(30 n / lambda) generations, tolx 1e-12 * sigma0,
 * tolxup 1e4, condition number of C above 1e14, no-effect axis and coordinate, and stagnation
 * (the median of the best costs of the last 20 generations is no better than 20 generations
 * earlier, checked after 120 + 30 n / lambda generations).
 */
export class Termination {
  private readonly bestHistory: number[] = [];
  private readonly rangeHistory: Array<[number, number]> = [];
  private readonly historyLength: number;
  private readonly stagnationStart: number;

  constructor(
    private readonly state: CmaState,
    private readonly sigma0: number,
    readonly tolFun = 1e-12,
    readonly tolXFactor = 1e-12,
    readonly tolXUp = 1e4,
    readonly tolCondition = 1e14,
  ) {
    this.historyLength = 10 + Math.ceil((30 * state.n) / state.lambda);
    this.stagnationStart = 120 + Math.ceil((30 * state.n) / state.lambda);
  }

  /** Records one generation's (already penalized) costs; call after CmaState.update. */
  record(costs: readonly number[]): void {
    let best = Infinity;
    let worst = -Infinity;
    for (const c of costs) {
      best = Math.min(best, c);
      worst = Math.max(worst, c);
    }
    this.bestHistory.push(best);
    this.rangeHistory.push([best, worst]);
    if (this.rangeHistory.length > this.historyLength) this.rangeHistory.shift();
  }

  check(): StopReason | undefined {
    const s = this.state;
    const n = s.n;
    if (!s.isFinite()) return 'numerics';
    if (this.rangeHistory.length >= this.historyLength) {
      let lo = Infinity;
      let hi = -Infinity;
      for (const [b, w] of this.rangeHistory) {
        lo = Math.min(lo, b);
        hi = Math.max(hi, w);
      }
      if (hi - lo < this.tolFun) return 'tolfun';
    }
    const tolX = this.tolXFactor * this.sigma0;
    let allSmall = true;
    for (let i = 0; i < n; i++) {
      const sd = s.sigma * Math.sqrt(s.C[i * n + i]);
      if (!(sd < tolX && s.sigma * Math.abs(s.pc[i]) < tolX)) allSmall = false;
    }
    if (allSmall) return 'tolx';
    const d = s.axisLengths();
    const b = s.axes();
    let maxD = 0;
    for (const x of d) maxD = Math.max(maxD, x);
    if (s.sigma * maxD > this.tolXUp) return 'tolxup';
    if (s.condition() > this.tolCondition) return 'conditioncov';
    const axis = s.generation % n;
    let axisMoves = false;
    for (let i = 0; i < n; i++) if (s.mean[i] + 0.1 * s.sigma * d[axis] * b[i * n + axis] !== s.mean[i]) axisMoves = true;
    if (!axisMoves) return 'noeffectaxis';
    for (let i = 0; i < n; i++) if (s.mean[i] + 0.2 * s.sigma * Math.sqrt(s.C[i * n + i]) === s.mean[i]) return 'noeffectcoord';
    if (this.stagnated()) return 'stagnation';
    return undefined;
  }

  private stagnated(): boolean {
    const h = this.bestHistory;
    if (h.length < this.stagnationStart || h.length < 40) return false;
    const recent = median(h.slice(-20));
    const earlier = median(h.slice(-40, -20));
    return recent >= earlier;
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
