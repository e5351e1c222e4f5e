"""Optuna samplers as an hpoarena optimizer (protocol "hpoarena-ask-tell/2", or /1 with an older harness).

Run by the harness as ``python3 optuna_adapter.py``; the sampler and its options come in
``init.options``: ``{"sampler": "tpe" | "motpe" | "nsga2" | "random" | "qmc" | "cmaes", ...}``
plus the sampler's own keyword arguments under Optuna's names (``n_startup_trials``,
``multivariate``, ``population_size``, ``sigma0`` ...). Options that are null keep Optuna's
default; options this Optuna version does not know are dropped with a warning on stderr.

Define-by-run: each ask samples only the active hyperparameters, parents first. A sampled
configuration that hits a forbidden clause is told to Optuna as FAIL (samplers ignore failed
trials) and sampled again; after 10 tries the last one is repaired (the parameters of the clauses
it hits drawn at random) and enqueued as the trial. Crashed trials and non-finite
costs are told as FAIL. Tells of configurations the adapter never proposed are added to the
study as finished trials.
"""

import inspect
import math
import random
import sys
import warnings

from hpoarena_protocol import serve

import optuna
from optuna.trial import TrialState

MAX_REJECTIONS = 10


def _optional_module(module, sampler):
    try:
        __import__(module)
    except ImportError:
        raise RuntimeError(
            "Optuna's %s sampler needs the Python package '%s', which %s cannot import "
            "(apt-get install python3-%s, or pip install %s)" % (sampler, module, sys.executable, module, module)
        )


def make_sampler(name, options, seed, n_objectives):
    options = {k: v for k, v in options.items() if v is not None}
    samplers = optuna.samplers
    if name == "tpe":
        cls = samplers.TPESampler
        options.setdefault("warn_independent_sampling", False)
    elif name == "motpe":
        if hasattr(samplers, "MOTPESampler"):
            cls = samplers.MOTPESampler
        else:  # Optuna 4 folded MOTPE into TPESampler
            cls = samplers.TPESampler
            if "n_ehvi_candidates" in options:
                options["n_ei_candidates"] = options.pop("n_ehvi_candidates")
    elif name == "nsga2":
        cls = samplers.NSGAIISampler
    elif name == "random":
        cls = samplers.RandomSampler
    elif name == "qmc":
        _optional_module("scipy", "QMC")
        cls = samplers.QMCSampler
        options.setdefault("warn_independent_sampling", False)
    elif name == "cmaes":
        _optional_module("cmaes", "CMA-ES")
        if n_objectives > 1:
            raise ValueError("Optuna's CMA-ES sampler is single-objective; the task has %d objectives" % n_objectives)
        cls = samplers.CmaEsSampler
        options.setdefault("warn_independent_sampling", False)
    else:
        raise ValueError("unknown sampler %r; valid: tpe, motpe, nsga2, random, qmc, cmaes" % name)
    accepted = inspect.signature(cls.__init__).parameters
    for key in [k for k in options if k not in accepted]:
        print("optuna_adapter: Optuna %s's %s has no option %r; ignored" % (optuna.__version__, cls.__name__, key), file=sys.stderr)
        del options[key]
    return cls(seed=seed, **options)


class OptunaOptimizer:
    # Optuna's ask/tell keeps asked trials open until told, in any order (trial number as handle).
    capabilities = ["pending"]

    def __init__(self, init):
        options = dict(init.options)
        sampler_name = options.pop("sampler", "tpe")
        self.name = "optuna-%s" % sampler_name
        self.space = init.space
        self.distributions = init.space.to_optuna_distributions()
        self.n_objectives = len(init.objectives)
        seed = init.seed % (2**32)
        self.rng = random.Random(seed)
        optuna.logging.set_verbosity(optuna.logging.WARNING)
        warnings.simplefilter("ignore", optuna.exceptions.ExperimentalWarning)
        sampler = make_sampler(sampler_name, options, seed, self.n_objectives)
        self.study = optuna.create_study(directions=["minimize"] * self.n_objectives, sampler=sampler)
        self.trials = {}

    def _suggest(self, trial, hp):
        d = self.distributions[hp.name]
        if hp.type in ("categorical", "ordinal"):
            return trial.suggest_categorical(hp.name, d.choices)
        if hp.type == "int":
            return hp.clip(trial.suggest_int(hp.name, d.low, d.high, step=d.step, log=d.log))
        return hp.clip(trial.suggest_float(hp.name, d.low, d.high, step=d.step, log=d.log))

    def ask(self):
        for _ in range(MAX_REJECTIONS):
            trial = self.study.ask()
            config = self.space.build(lambda hp: self._suggest(trial, hp))
            if not self.space.forbidden(config):
                self.trials[trial.number] = trial
                return trial.number, config, None
            self.study.tell(trial, state=TrialState.FAIL)
        repaired = self.space.repair(config, self.rng)
        self.study.enqueue_trial({k: v for k, v in repaired.items() if k in self.distributions})
        trial = self.study.ask()
        config = self.space.build(lambda hp: self._suggest(trial, hp))
        self.trials[trial.number] = trial
        return trial.number, config, None

    def tell(self, handle, config, fidelity, cost, status):
        ok = status == "ok" and all(c is not None and math.isfinite(c) for c in cost)
        trial = self.trials.pop(handle, None) if handle is not None else None
        if trial is not None:
            if ok:
                self.study.tell(trial, cost)
            else:
                self.study.tell(trial, state=TrialState.FAIL)
            return
        # A trial the adapter did not propose (warm start, replay): add it as a finished trial.
        params = {k: v for k, v in config.items() if k in self.distributions}
        distributions = {k: self.distributions[k] for k in params}
        try:
            frozen = optuna.trial.create_trial(
                params=params,
                distributions=distributions,
                values=cost if ok else None,
                state=TrialState.COMPLETE if ok else TrialState.FAIL,
            )
            self.study.add_trial(frozen)
        except Exception as error:  # a value Optuna cannot represent: the sampler just does not see it
            print("optuna_adapter: could not add told trial %r: %s" % (config, error), file=sys.stderr)


if __name__ == "__main__":
    serve(OptunaOptimizer)
