/**
 * The single-objective problems of pymoo (pymoo/problems/single/*.py) that CARP-S uses,
 * with pymoo's default dimensions and bounds. Each takes x and returns f(x).
 */
export interface SingleObjectiveProblem {
  readonly name: string;
  readonly dimension: number;
  readonly lower: number;
  readonly upper: number;
  /** Default value of each coordinate in CARP-S's search space. */
  readonly defaultValue: number;
  /** Global minimum value (pymoo's _calc_pareto_front). */
  readonly optimum: number;
  evaluate(x: ArrayLike<number>): number;
}

const ackley: SingleObjectiveProblem = {
  name: 'ackley', dimension: 2, lower: -32.768, upper: 32.768, defaultValue: 0, optimum: 0,
  evaluate(x) {
    const a = 20, b = 1 / 5, c = 2 * Math.PI, n = x.length;
    let squares = 0, cosines = 0;
    for (let i = 0; i < n; i++) {
      squares += x[i] * x[i];
      cosines += Math.cos(c * x[i]);
    }
    return -a * Math.exp(-b * Math.sqrt(squares / n)) - Math.exp(cosines / n) + a + Math.E;
  },
};

const griewank: SingleObjectiveProblem = {
  name: 'griewank', dimension: 2, lower: -600, upper: 600, defaultValue: 0, optimum: 0,
  evaluate(x) {
    let sum = 0, product = 1;
    for (let i = 0; i < x.length; i++) {
      sum += x[i] * x[i];
      product *= Math.cos(x[i] / Math.sqrt(i + 1));
    }
    return 1 + sum / 4000 - product;
  },
};

const himmelblau: SingleObjectiveProblem = {
  name: 'himmelblau', dimension: 2, lower: -6, upper: 6, defaultValue: 0, optimum: 0,
  evaluate(x) {
    return (x[0] ** 2 + x[1] - 11) ** 2 + (x[0] + x[1] ** 2 - 7) ** 2;
  },
};

const rastrigin: SingleObjectiveProblem = {
  name: 'rastrigin', dimension: 2, lower: -5, upper: 5, defaultValue: 0, optimum: 0,
  evaluate(x) {
    const A = 10;
    let sum = A * x.length;
    for (let i = 0; i < x.length; i++) sum += x[i] * x[i] - A * Math.cos(2 * Math.PI * x[i]);
    return sum;
  },
};

const rosenbrock: SingleObjectiveProblem = {
  name: 'rosenbrock', dimension: 2, lower: -2.048, upper: 2.048, defaultValue: 0, optimum: 0,
  evaluate(x) {
    let sum = 0;
    for (let i = 0; i < x.length - 1; i++) sum += 100 * (x[i + 1] - x[i] ** 2) ** 2 + (1 - x[i]) ** 2;
    return sum;
  },
};

const schwefel: SingleObjectiveProblem = {
  // pymoo's constant 418.9829 makes the optimum slightly negative (about -2.5e-5 per dimension).
  name: 'schwefel', dimension: 2, lower: -500, upper: 500, defaultValue: 0, optimum: 0,
  evaluate(x) {
    let sum = 0;
    for (let i = 0; i < x.length; i++) sum += x[i] * Math.sin(Math.sqrt(Math.abs(x[i])));
    return 418.9829 * x.length - sum;
  },
};

const sphere: SingleObjectiveProblem = {
  name: 'sphere', dimension: 10, lower: 0, upper: 1, defaultValue: 0.5, optimum: 0,
  evaluate(x) {
    let sum = 0;
    for (let i = 0; i < x.length; i++) sum += (x[i] - 0.5) ** 2;
    return sum;
  },
};

const zakharov: SingleObjectiveProblem = {
  name: 'zakharov', dimension: 2, lower: -10, upper: 10, defaultValue: 0, optimum: 0,
  evaluate(x) {
    let squares = 0, a = 0;
    for (let i = 0; i < x.length; i++) {
      squares += x[i] * x[i];
      a += 0.5 * (i + 1) * x[i];
    }
    return squares + a ** 2 + a ** 4;
  },
};

export const singleObjectiveProblems = {
  ackley, griewank, himmelblau, rastrigin, rosenbrock, schwefel, sphere, zakharov,
} satisfies Record<string, SingleObjectiveProblem>;
