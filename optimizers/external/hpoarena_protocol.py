"""Helper for writing an hpoarena optimizer in Python (protocols "hpoarena-ask-tell/2" and "/1").

Copy this one file next to your program; it needs only the standard library. Write a class
with ``ask`` and ``tell`` (optionally ``incumbent`` and ``close``), build it from the
``Init`` the harness sends, and hand the constructor to ``serve``::

    from hpoarena_protocol import serve

    class MyOptimizer:
        def __init__(self, init):            # init.space, init.objectives, init.seed, init.options ...
            self.space = init.space
            self.rng = random.Random(init.seed)

        def ask(self):                       # -> (trial handle, config dict, fidelity or None)
            return None, self.space.sample(self.rng), None

        def tell(self, trial, config, fidelity, cost, status):
            pass                             # cost: list, one value per objective (minimized), None if not finite

    if __name__ == "__main__":
        serve(MyOptimizer)

``serve`` speaks JSON lines on stdin/stdout (docs/protocol.md): version /2 (a tell is not
answered) when the harness offers it, else /1 (every tell answered by 'ack'). It keeps the incumbent unless the
optimizer defines ``incumbent()``, turns exceptions into protocol errors, points ``sys.stdout``
at stderr (so prints cannot corrupt the protocol) and exits when stdin closes or the parent
process dies. ``Space`` reads the ConfigSpace JSON the harness sends (both ConfigSpace layouts):
active parameters in parent-first order, conditions, forbidden clauses, random sampling, and
conversion to Optuna distributions.

Runs with parallel trials (``--parallel-trials K``) ask again before earlier trials are told and
tell them in any order; the harness starts them only with programs whose optimizer class sets
``capabilities = ["pending"]`` (``serve`` lists it in 'ready'). ``init.parallel_trials`` is K.
"""

import json
import math
import os
import sys
import threading
import time
import traceback

PROTOCOL_V1 = "hpoarena-ask-tell/1"  # every request answered: 'tell' gets 'ack'
PROTOCOL_V2 = "hpoarena-ask-tell/2"  # 'tell' is not answered: one round trip a trial
PROTOCOL_VERSION = PROTOCOL_V2

__all__ = ["PROTOCOL_VERSION", "PROTOCOL_V1", "PROTOCOL_V2", "choose_protocol", "Init", "Space", "Hyperparameter", "serve", "same_value"]


def same_value(a, b):
    """Equality as the harness sees JSON values: True is not 1, 1 is 1.0."""
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if isinstance(a, str) or isinstance(b, str):
        return isinstance(a, str) and isinstance(b, str) and a == b
    return a == b


def _kind(v):
    if isinstance(v, bool):
        return "bool"
    if isinstance(v, (int, float)):
        return "number"
    return "str"


class Hyperparameter:
    """One hyperparameter: type is 'float', 'int', 'categorical', 'ordinal' or 'constant'."""

    def __init__(self, raw):
        self.name = raw["name"]
        t = raw["type"]
        self.default = raw.get("default_value", raw.get("default"))
        self.log = bool(raw.get("log") or False)
        self.q = raw.get("q")
        self.choices = None
        self.weights = None
        self.value = None
        self.lower = self.upper = None
        if t.endswith("_float") or t.endswith("_int"):
            self.type = "int" if t.endswith("_int") else "float"
            cast = int if self.type == "int" else float
            self.lower, self.upper = cast(raw["lower"]), cast(raw["upper"])
        elif t == "categorical":
            self.type = "categorical"
            self.choices = list(raw["choices"])
            weights = raw.get("weights", raw.get("probabilities"))
            self.weights = list(weights) if weights else None
        elif t == "ordinal":
            self.type = "ordinal"
            self.choices = list(raw["sequence"])
        elif t in ("constant", "unparametrized"):
            self.type = "constant"
            self.value = raw["value"]
        else:
            raise ValueError("unknown hyperparameter type %r of %r" % (t, self.name))

    def contains(self, v):
        if self.type in ("float", "int"):
            if isinstance(v, bool) or not isinstance(v, (int, float)):
                return False
            if self.type == "int" and float(v) != int(v):
                return False
            return self.lower <= v <= self.upper
        if self.type == "constant":
            return same_value(v, self.value)
        return any(same_value(v, c) for c in self.choices)

    def clip(self, v):
        """A numeric value rounded (int, q) and clipped into the bounds; others unchanged."""
        if self.type not in ("float", "int"):
            return v
        v = float(v)
        if self.q:
            v = self.lower + round((v - self.lower) / self.q) * self.q
        v = min(max(v, self.lower), self.upper)
        return int(round(v)) if self.type == "int" else v

    def sample(self, rng):
        """A uniform draw (log-uniform where log) with Python's random.Random-like `rng`."""
        if self.type == "constant":
            return self.value
        if self.type in ("categorical", "ordinal"):
            if self.weights:
                return rng.choices(self.choices, weights=self.weights)[0]
            return self.choices[rng.randrange(len(self.choices))]
        lo, hi = float(self.lower), float(self.upper)
        if self.type == "int":
            lo, hi = lo - 0.4999, hi + 0.4999
        if self.log:
            x = math.exp(rng.uniform(math.log(max(lo, 1e-300)), math.log(hi)))
        else:
            x = rng.uniform(lo, hi)
        return self.clip(x)

    def to_optuna(self):
        """The Optuna distribution of this hyperparameter (None for a constant)."""
        from optuna import distributions as d

        if self.type == "constant":
            return None
        if self.type in ("categorical", "ordinal"):
            return d.CategoricalDistribution(self.choices)
        if self.type == "int":
            step = int(self.q) if self.q else 1
            return d.IntDistribution(self.lower, self.upper, log=self.log and step == 1, step=step)
        if self.q:
            return d.FloatDistribution(self.lower, self.upper, step=float(self.q))
        return d.FloatDistribution(self.lower, self.upper, log=self.log)


class Space:
    """A ConfigSpace JSON search space: conditions (EQ, NEQ, IN, LT, GT, AND, OR) and forbiddens."""

    def __init__(self, doc):
        if isinstance(doc, str):
            doc = json.loads(doc)
        self.hyperparameters = [Hyperparameter(h) for h in doc["hyperparameters"]]
        self.names = [h.name for h in self.hyperparameters]
        self.by_name = {h.name: h for h in self.hyperparameters}
        self._gates = {}  # child -> list of clauses, all must hold
        parents = {n: set() for n in self.names}
        for c in doc.get("conditions") or []:
            self._gates.setdefault(c["child"], []).append(c)
            _collect_parents(c, parents[c["child"]])
        self.forbiddens = list(doc.get("forbiddens") or [])
        self.order = self._topological(parents)

    # -- activity ---------------------------------------------------------------
    def _topological(self, parents):
        index = {n: i for i, n in enumerate(self.names)}
        order, state = [], {}

        def visit(n):
            if state.get(n) == 2:
                return
            if state.get(n) == 1:
                raise ValueError("conditions form a cycle at %r" % n)
            state[n] = 1
            for p in sorted(parents[n], key=index.get):
                visit(p)
            state[n] = 2
            order.append(self.by_name[n])

        for n in self.names:
            visit(n)
        return order

    def _holds(self, clause, values, active):
        t = clause["type"]
        if t in ("AND", "OR"):
            parts = [self._holds(c, values, active) for c in clause["conditions"]]
            return all(parts) if t == "AND" else any(parts)
        parent = clause["parent"]
        if parent not in active or parent not in values:
            return False
        v = values[parent]
        if t == "EQ":
            return same_value(v, clause["value"])
        if t == "NEQ":
            return not same_value(v, clause["value"])
        if t == "IN":
            return any(same_value(v, x) for x in clause["values"])
        hp = self.by_name[parent]
        if hp.type == "ordinal":
            pos = lambda x: next((i for i, s in enumerate(hp.choices) if same_value(s, x)), float("nan"))
            a, b = pos(v), pos(clause["value"])
        else:
            a, b = v, clause["value"]
        return a < b if t == "LT" else a > b

    def build(self, choose):
        """A config from `choose(hp)` called for each active hyperparameter, parents first.

        Constants take their value without a call. This is define-by-run: a parameter whose
        conditions do not hold is never chosen. Keys come out in the space's name order.
        """
        values, active = {}, set()
        for hp in self.order:
            gates = self._gates.get(hp.name)
            if gates and not all(self._holds(g, values, active) for g in gates):
                continue
            active.add(hp.name)
            values[hp.name] = hp.value if hp.type == "constant" else choose(hp)
        return {n: values[n] for n in self.names if n in values}

    def active_names(self, config):
        return list(self.build(lambda hp: config.get(hp.name)).keys())

    # -- forbiddens ---------------------------------------------------------------
    def forbidden(self, config):
        """True when the config hits a forbidden clause (clauses on absent parameters never hit)."""
        return any(self._hits(f, config) for f in self.forbiddens)

    def _hits(self, f, config):
        t = f["type"]
        if t == "EQUALS":
            return f["name"] in config and same_value(config[f["name"]], f["value"])
        if t == "IN":
            return f["name"] in config and any(same_value(config[f["name"]], x) for x in f["values"])
        if t == "AND":
            return all(self._hits(c, config) for c in f["clauses"])
        relation = {"RELATION_LT": "LESS", "RELATION_EQ": "EQUALS", "RELATION_GT": "GREATER"}.get(t) or f.get("lambda")
        left, right = f.get("left"), f.get("right")
        if left not in config or right not in config:
            return False
        a, b = config[left], config[right]
        if _kind(a) != _kind(b):
            return False
        if relation == "LESS":
            return a < b
        if relation == "GREATER":
            return a > b
        if relation == "EQUALS":
            return same_value(a, b)
        raise ValueError("unknown forbidden clause type %r" % t)

    # -- checks, sampling, conversion ---------------------------------------------------
    def problem(self, config):
        """What is wrong with a config (a message), or None when it is valid."""
        for k in config:
            if k not in self.by_name:
                return "unknown hyperparameter %r" % k
        expected = self.active_names(config)
        for n in self.names:
            if n in expected and n not in config:
                return "active hyperparameter %r is missing" % n
            if n not in expected and n in config:
                return "hyperparameter %r is inactive but set" % n
            if n in config and not self.by_name[n].contains(config[n]):
                return "hyperparameter %r = %r is outside its domain" % (n, config[n])
        if self.forbidden(config):
            return "the configuration is forbidden"
        return None

    def sample(self, rng, max_tries=1000):
        """A random valid config (rejecting forbidden ones); `rng` is a random.Random."""
        for _ in range(max_tries):
            config = self.build(lambda hp: hp.sample(rng))
            if not self.forbidden(config):
                return config
        raise RuntimeError("no valid configuration in %d random draws: the forbidden clauses exclude (almost) everything" % max_tries)

    def repair(self, config, rng, max_tries=100):
        """A valid config close to a forbidden one: redraws only the parameters of the clauses it hits.

        Parameters whose activity changes are drawn afresh; after `max_tries` a random valid config.
        """
        for _ in range(max_tries):
            redraw = set()
            for f in self.forbiddens:
                if self._hits(f, config):
                    redraw.update(_names_in(f))
            if not redraw:
                return config
            config = self.build(lambda hp: config[hp.name] if hp.name in config and hp.name not in redraw else hp.sample(rng))
        return self.sample(rng)

    def to_optuna_distributions(self):
        """Optuna distributions by name, constants left out (they are never suggested)."""
        return {hp.name: hp.to_optuna() for hp in self.hyperparameters if hp.type != "constant"}


def _names_in(f):
    if f["type"] == "AND":
        return [n for c in f["clauses"] for n in _names_in(c)]
    if "name" in f:
        return [f["name"]]
    return [f["left"], f["right"]]


def _collect_parents(clause, into):
    if clause["type"] in ("AND", "OR"):
        for c in clause["conditions"]:
            _collect_parents(c, into)
    else:
        into.add(clause["parent"])


class Init:
    """What the harness sends in 'init'."""

    def __init__(self, message):
        self.message = message
        self.space = Space(message["space"])
        self.objectives = list(message["objectives"])
        self.fidelity = message.get("fidelity")
        budget = message.get("budget") or {}
        self.n_trials = budget.get("n_trials")
        self.seconds = budget.get("seconds")
        self.seed = int(message.get("seed") or 0)
        self.options = dict(message.get("options") or {})
        # Trials the run keeps in flight (> 1: asks come before earlier tells; needs capabilities = ["pending"]).
        self.parallel_trials = int(message.get("parallel_trials") or 1)


class _IncumbentTracker:
    """The best told config (one objective) or the non-dominated set (several)."""

    def __init__(self, max_fidelity):
        self.max_fidelity = max_fidelity
        self.entries = []

    def observe(self, config, fidelity, cost, status):
        if status != "ok" or any(c is None or not math.isfinite(c) for c in cost):
            return
        if self.max_fidelity is not None and fidelity is not None and fidelity < self.max_fidelity:
            return
        entry = {"config": config, "fidelity": fidelity, "cost": cost}
        if len(cost) == 1:
            if not self.entries or cost[0] < self.entries[0]["cost"][0]:
                self.entries = [entry]
            return
        dominates = lambda a, b: all(x <= y for x, y in zip(a, b)) and any(x < y for x, y in zip(a, b))
        if any(dominates(e["cost"], cost) for e in self.entries):
            return
        self.entries = [e for e in self.entries if not dominates(cost, e["cost"])] + [entry]


def _native(v):
    """JSON-safe Python scalars (numpy numbers become float/int/bool)."""
    if isinstance(v, dict):
        return {k: _native(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [_native(x) for x in v]
    if isinstance(v, (bool, str)) or v is None:
        return v
    if hasattr(v, "item"):
        v = v.item()
    if isinstance(v, float) and not math.isfinite(v):
        return None
    return v


def _watch_parent(interval=1.0):
    """Exit as soon as the process that started us is gone (we get a new parent)."""
    parent = os.getppid()

    def loop():
        while True:
            time.sleep(interval)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=loop, name="hpoarena-parent-watchdog", daemon=True).start()


def choose_protocol(init):
    """The newest version both sides speak: /2 when the harness offers it in 'protocols', else /1."""
    offered = init.get("protocols")
    if not isinstance(offered, list):
        offered = [init.get("protocol")]
    for version in (PROTOCOL_V2, PROTOCOL_V1):
        if version in offered:
            return version
    raise ValueError("unsupported protocol %r; this program speaks %r and %r" % (offered, PROTOCOL_V2, PROTOCOL_V1))


def serve(factory, stdin=None, stdout=None):
    """Runs the protocol loop until 'close' or EOF on stdin. `factory(Init)` builds the optimizer."""
    out = stdout or sys.stdout
    sys.stdout = sys.stderr  # stray prints go to stderr, never into the protocol
    inp = stdin or sys.stdin
    _watch_parent()
    optimizer, tracker, silent_tells = None, None, False

    def reply(message):
        out.write(json.dumps(_native(message), allow_nan=False) + "\n")
        out.flush()

    while True:
        line = inp.readline()
        if not line:
            return _exit(optimizer, 0)
        if not line.strip():
            continue
        request_id = None
        try:
            request = json.loads(line)
            request_id = request.get("id")
            kind = request.get("type")
            if kind == "init":
                protocol = choose_protocol(request)
                init = Init(request)
                optimizer = factory(init)
                tracker = _IncumbentTracker(init.fidelity["max"] if init.fidelity else None)
                silent_tells = protocol == PROTOCOL_V2
                ready = {"type": "ready", "id": request_id, "protocol": protocol, "name": getattr(optimizer, "name", type(optimizer).__name__)}
                capabilities = list(getattr(optimizer, "capabilities", []))
                if capabilities:  # e.g. ["pending"]: may be asked again before earlier tells
                    ready["capabilities"] = capabilities
                reply(ready)
            elif optimizer is None:
                raise ValueError("'init' must come first, got %r" % kind)
            elif kind == "ask":
                trial, config, fidelity = optimizer.ask()
                reply({"type": "proposal", "id": request_id, "trial": trial, "config": config, "fidelity": fidelity})
            elif kind == "tell":
                cost = [None if c is None else float(c) for c in request["cost"]]
                args = (request.get("trial"), request["config"], request.get("fidelity"), cost, request["status"])
                tracker.observe(*args[1:])
                optimizer.tell(*args)
                if not silent_tells:  # version 2: a tell is answered only when it fails (by 'error')
                    reply({"type": "ack", "id": request_id})
            elif kind == "incumbent":
                entries = optimizer.incumbent() if hasattr(optimizer, "incumbent") else tracker.entries
                reply({"type": "incumbent", "id": request_id, "entries": entries})
            elif kind == "close":
                reply({"type": "bye", "id": request_id})
                return _exit(optimizer, 0)
            else:
                raise ValueError("unknown request type %r" % kind)
        except Exception as error:  # every failure is a protocol error; the harness ends the run
            traceback.print_exc(file=sys.stderr)
            sys.stderr.flush()
            reply({"type": "error", "id": request_id if isinstance(request_id, int) else None, "message": "%s: %s" % (type(error).__name__, error)})


def _exit(optimizer, code):
    try:
        if optimizer is not None and hasattr(optimizer, "close"):
            optimizer.close()
    finally:
        sys.stderr.flush()
        os._exit(code)
