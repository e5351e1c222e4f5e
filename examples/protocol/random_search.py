#!/usr/bin/env python3
"""Random search as an hpoarena external optimizer, written from docs/protocol.md alone.

Standard library only; speaks hpoarena-ask-tell/2 (and /1 to a harness that offers only that).
Run it with the generic `external` optimizer:

    optimizers:
      - { name: external, options: { command: python3, args: [examples/protocol/random_search.py] } }
"""

import json
import math
import random
import sys

V1, V2 = "hpoarena-ask-tell/1", "hpoarena-ask-tell/2"


def same(a, b):
    """JSON equality: booleans equal only booleans, strings only strings, numbers by value."""
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if isinstance(a, str) or isinstance(b, str):
        return isinstance(a, str) and isinstance(b, str) and a == b
    return a == b


def kind(v):
    return "boolean" if isinstance(v, bool) else "string" if isinstance(v, str) else "number"


class Space:
    def __init__(self, doc):
        self.hps = doc["hyperparameters"]
        self.by_name = {h["name"]: h for h in self.hps}
        self.conditions = {}  # child -> entries, all must hold
        for c in doc.get("conditions") or []:
            self.conditions.setdefault(c["child"], []).append(c)
        self.forbiddens = doc.get("forbiddens") or []
        self.order = self._parents_first()

    def _parents(self, entry, into):
        if entry["type"] in ("AND", "OR"):
            for part in entry["conditions"]:
                self._parents(part, into)
        else:
            into.add(entry["parent"])

    def _parents_first(self):
        # The list is not guaranteed parents-first: order it so every parent comes before its children.
        parents = {h["name"]: set() for h in self.hps}
        for child, entries in self.conditions.items():
            for e in entries:
                self._parents(e, parents[child])
        order, done = [], set()
        while len(order) < len(self.hps):
            for h in self.hps:
                if h["name"] not in done and parents[h["name"]] <= done:
                    order.append(h)
                    done.add(h["name"])
        return order

    def _holds(self, entry, config):
        t = entry["type"]
        if t == "AND":
            return all(self._holds(p, config) for p in entry["conditions"])
        if t == "OR":
            return any(self._holds(p, config) for p in entry["conditions"])
        parent = entry["parent"]
        if parent not in config:  # an inactive parent: no leaf on it holds
            return False
        v = config[parent]
        if t == "EQ":
            return same(v, entry["value"])
        if t == "NEQ":
            return not same(v, entry["value"])
        if t == "IN":
            return any(same(v, x) for x in entry["values"])
        hp = self.by_name[parent]
        if hp["type"] == "ordinal":  # LT/GT on an ordinal compare positions in its sequence
            seq = hp["sequence"]
            a = next(i for i, s in enumerate(seq) if same(s, v))
            b = next(i for i, s in enumerate(seq) if same(s, entry["value"]))
        else:
            a, b = v, entry["value"]
        return a < b if t == "LT" else a > b

    def _hits(self, f, config):
        t = f["type"]
        if t == "EQUALS":
            return f["name"] in config and same(config[f["name"]], f["value"])
        if t == "IN":
            return f["name"] in config and any(same(config[f["name"]], x) for x in f["values"])
        if t == "AND":
            return all(self._hits(c, config) for c in f["clauses"])
        left, right = f["left"], f["right"]
        if left not in config or right not in config or kind(config[left]) != kind(config[right]):
            return False
        a, b = config[left], config[right]
        return {"RELATION_LT": a < b, "RELATION_EQ": same(a, b), "RELATION_GT": a > b}[t]

    def forbidden(self, config):
        return any(self._hits(f, config) for f in self.forbiddens)

    @staticmethod
    def _draw(hp, rng):
        t = hp["type"]
        if t == "constant":
            return hp["value"]
        if t == "categorical":
            return rng.choice(hp["choices"])
        if t == "ordinal":
            return rng.choice(hp["sequence"])
        lo, hi, q = hp["lower"], hp["upper"], hp.get("q")
        is_int = t.endswith("_int")
        if q:  # a grid lower + k*q: draw k
            k = rng.randint(0, int(math.floor((hi - lo) / q + 1e-9)))
            x = lo + k * q
            return int(round(x)) if is_int else min(x, hi)
        if is_int:
            if hp.get("log"):
                x = math.exp(rng.uniform(math.log(lo - 0.5 if lo > 0.5 else lo), math.log(hi + 0.5)))
                return min(max(int(round(x)), lo), hi)
            return rng.randint(lo, hi)
        if hp.get("log"):
            x = math.exp(rng.uniform(math.log(lo), math.log(hi)))
        else:
            x = rng.uniform(lo, hi)
        return min(max(x, lo), hi)

    def sample(self, rng):
        for _ in range(10000):
            config = {}
            for hp in self.order:
                name = hp["name"]
                if all(self._holds(c, config) for c in self.conditions.get(name, [])):
                    config[name] = self._draw(hp, rng)
            if not self.forbidden(config):
                return config
        raise RuntimeError("no configuration outside the forbidden clauses in 10000 draws")


def dominates(a, b):
    return all(x <= y for x, y in zip(a, b)) and any(x < y for x, y in zip(a, b))


def main():
    state = None
    for line in sys.stdin:  # ends at EOF: the harness is gone, so we exit
        if not line.strip():
            continue
        request = json.loads(line)
        kind_, rid = request.get("type"), request.get("id")
        reply = None
        try:
            if kind_ == "init":
                offered = request.get("protocols") or [request.get("protocol")]
                version = V2 if V2 in offered else V1 if V1 in offered else None
                if version is None:
                    raise ValueError("unsupported protocol %r" % (offered,))
                fidelity = request.get("fidelity")
                state = {
                    "version": version, "space": Space(request["space"]), "rng": random.Random(request["seed"]),
                    "max": fidelity["max"] if fidelity else None, "trials": 0, "best": [],
                }
                reply = {"type": "ready", "id": rid, "protocol": version, "name": "doc-random-search-py"}
            elif kind_ == "ask":
                state["trials"] += 1
                config = state["space"].sample(state["rng"])
                reply = {"type": "proposal", "id": rid, "trial": state["trials"], "config": config, "fidelity": None}
            elif kind_ == "tell":
                cost, fid = request["cost"], request.get("fidelity")
                full = state["max"] is None or fid is None or fid >= state["max"]
                if request["status"] == "ok" and full and all(c is not None for c in cost):
                    best = state["best"]
                    if not any(dominates(e["cost"], cost) or e["cost"] == cost for e in best):
                        entry = {"config": request["config"], "fidelity": fid, "cost": cost}
                        state["best"] = [e for e in best if not dominates(cost, e["cost"])] + [entry]
                if state["version"] == V1:
                    reply = {"type": "ack", "id": rid}
            elif kind_ == "incumbent":
                reply = {"type": "incumbent", "id": rid, "entries": state["best"]}
            elif kind_ == "close":
                sys.stdout.write(json.dumps({"type": "bye", "id": rid}) + "\n")
                sys.stdout.flush()
                return
            else:
                raise ValueError("unknown request type %r" % kind_)
        except Exception as error:  # one fatal error answer; details on stderr
            print("random_search.py: %s: %s" % (type(error).__name__, error), file=sys.stderr)
            reply = {"type": "error", "id": rid if isinstance(rid, int) else None, "message": "%s: %s" % (type(error).__name__, error)}
        if reply is not None:
            sys.stdout.write(json.dumps(reply, allow_nan=False) + "\n")
            sys.stdout.flush()


if __name__ == "__main__":
    main()
