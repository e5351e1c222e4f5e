"""Optuna anchors for the bench's ratio figures, timed in the same run as hpoarena's side.

    python3 optuna_anchor.py random-loop N_TRIALS
        Optuna's RandomSampler in-memory ask/suggest/tell loop on a 10-D sphere in [-5, 5]^10:
        microseconds per trial over one study of N_TRIALS (after a 200-trial warm-up study).
    python3 optuna_anchor.py tpe-ask OBSERVED REPS TIMED
        TPESampler (defaults) told OBSERVED random trials of the bench's 10-D cost, then TIMED
        asks (study.ask plus the 10 suggest_float calls, where Optuna samples), each told back:
        median milliseconds over REPS studies.

Prints one JSON object on stdout.
"""

import json
import random
import statistics
import sys
import time

import optuna

optuna.logging.set_verbosity(optuna.logging.WARNING)
DIM = 10


def sphere(trial):
    return sum(trial.suggest_float("x%d" % i, -5, 5) ** 2 for i in range(DIM))


def random_loop(n_trials):
    def run(n):
        study = optuna.create_study(sampler=optuna.samplers.RandomSampler(seed=1))
        start = time.perf_counter()
        for _ in range(n):
            trial = study.ask()
            study.tell(trial, sphere(trial))
        return (time.perf_counter() - start) * 1e6 / n

    run(200)  # warm-up: imports, first-call paths
    return {"us_per_trial": run(n_trials), "optuna": optuna.__version__}


def cost(x):
    """The same structured cost as bench/figures/optimizersModel.ts."""
    return sum((x[i] - 1) ** 2 + (0.1 * x[i] * x[i - 1] if i > 0 else 0) for i in range(DIM))


def tpe_ask(observed, reps, timed):
    dists = {"x%d" % i: optuna.distributions.FloatDistribution(-5, 5) for i in range(DIM)}
    times = []
    for r in range(reps):
        rng = random.Random(r + 1000)
        study = optuna.create_study(sampler=optuna.samplers.TPESampler(seed=r + 1))
        trials = []
        for _ in range(observed):
            x = [rng.uniform(-5, 5) for _ in range(DIM)]
            trials.append(optuna.trial.create_trial(params={"x%d" % i: v for i, v in enumerate(x)}, distributions=dists, value=cost(x)))
        study.add_trials(trials)
        for _ in range(timed):
            start = time.perf_counter()
            trial = study.ask()
            x = [trial.suggest_float("x%d" % i, -5, 5) for i in range(DIM)]
            times.append((time.perf_counter() - start) * 1e3)
            study.tell(trial, cost(x))
    return {"ask_ms": statistics.median(times), "optuna": optuna.__version__}


if __name__ == "__main__":
    mode, args = sys.argv[1], [int(a) for a in sys.argv[2:]]
    result = random_loop(*args) if mode == "random-loop" else tpe_ask(*args)
    print(json.dumps(result))
