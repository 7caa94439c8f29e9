#!/usr/bin/env python3
"""Writes numpy_generator_vectors.json: reference outputs of numpy.random.Generator(PCG64)
for the gym4j tests in dev.gym4j.api.random (NumpyVectorsTest).

Usage:  python3 gen_numpy_vectors.py > numpy_generator_vectors.json

Only NumPy's public API is used; nothing here reimplements NumPy. The vectors were made with
NumPy 2.4.6 (CPython 3.11.7) and the output was checked to be byte-identical with Debian's
python3-numpy 1.24.2 (/usr/bin/python3 3.11.2): the functions involved (SeedSequence, PCG64,
random_standard_normal, random_standard_exponential, the bounded-integer fills) did not change
between those versions.

Conventions: 64/128-bit unsigned values are hex strings; doubles are JSON numbers written with
Python's repr (shortest round-trip form, so Double.parseDouble recovers the exact bits);
"sha256" digests are over the little-endian IEEE-754 bytes of the whole float64 array.
"""
import hashlib
import json
import sys

import numpy as np

SEEDS = [0, 1, 42, 123456789, 2**32 + 7, 2**64 + 3, 2**100 + 12345]
BULK_N = 100_000


def rng(seed):
    return np.random.default_rng(seed)


def state(g):
    s = g.bit_generator.state
    return {"state": hex(s["state"]["state"]), "inc": hex(s["state"]["inc"]),
            "has_uint32": int(s["has_uint32"]), "uinteger": int(s["uinteger"])}


def floats(a):
    return [float(v) for v in np.asarray(a).ravel()]


def ints(a):
    return [int(v) for v in np.asarray(a).ravel()]


def sha(a):
    return hashlib.sha256(np.asarray(a, dtype="<f8").tobytes()).hexdigest()


# Each case: (name, function of a fresh generator returning a JSON-able value). The state after
# the call is recorded too, so the number of 64-bit draws (and the saved 32-bit half) is checked.
CASES = [
    ("standard_normal(1000)", lambda g: floats(g.standard_normal(1000))),
    ("standard_exponential(1000)", lambda g: floats(g.standard_exponential(1000))),
    ("normal(1.5,2.5,size=200)", lambda g: floats(g.normal(1.5, 2.5, size=200))),
    ("exponential(3.0,size=200)", lambda g: floats(g.exponential(3.0, size=200))),
    ("normal(-1.0,0.5) x50 scalar", lambda g: [float(g.normal(-1.0, 0.5)) for _ in range(50)]),
    ("integers(0,2,size=64,dtype=int8)", lambda g: ints(g.integers(0, 2, size=64, dtype=np.int8))),
    ("integers(-128,128,size=40,dtype=int8)", lambda g: ints(g.integers(-128, 128, size=40, dtype=np.int8))),
    ("integers(-5,7,size=40,dtype=int8)", lambda g: ints(g.integers(-5, 7, size=40, dtype=np.int8))),
    ("integers(0,3,dtype=int8) x20 scalar", lambda g: [int(g.integers(0, 3, dtype=np.int8)) for _ in range(20)]),
    ("integers(4,5,size=10,dtype=int8)", lambda g: ints(g.integers(4, 5, size=10, dtype=np.int8))),
    ("integers(0,2**40,size=100)", lambda g: ints(g.integers(0, 2**40, size=100))),
    ("integers(-2**62,2**62,size=100)", lambda g: ints(g.integers(-2**62, 2**62, size=100))),
    ("integers(-2**63,2**63-1,size=50)", lambda g: ints(g.integers(-2**63, 2**63 - 1, size=50))),
    ("integers(0,2**32,size=50)", lambda g: ints(g.integers(0, 2**32, size=50))),
    ("integers(0,2**32+1,size=50)", lambda g: ints(g.integers(0, 2**32 + 1, size=50))),
    ("integers(10,2**31+10,size=50)", lambda g: ints(g.integers(10, 2**31 + 10, size=50))),
    ("integers(7,8,size=10)", lambda g: ints(g.integers(7, 8, size=10))),
    ("integers(-3,1000) x30 scalar", lambda g: [int(g.integers(-3, 1000)) for _ in range(30)]),
]


def mixed_ops(g):
    """A fixed script mixing every method, so 32-bit buffer interplay is exercised."""
    script = [
        ("random", []), ("integers", [0, 3]), ("standard_normal", []), ("integers", [0, 3]),
        ("integers_int8", [0, 2, 5]), ("standard_exponential", []), ("uniform", [-2.0, 2.0]),
        ("integers", [0, 2**40]), ("integers", [0, 3]), ("normal", [0.25, 3.0]),
        ("integers_int8", [-100, 100, 3]), ("integers", [5, 6]), ("exponential", [0.5]),
        ("integers", [-2**31, 2**31]), ("random", []), ("integers_int8", [0, 2, 9]),
        ("integers", [0, 7]), ("standard_normal", []),
    ]
    ops, results = [], []
    for rep in range(12):
        for name, args in script:
            if name == "random":
                r = float(g.random())
            elif name == "integers":
                r = int(g.integers(args[0], args[1]))
            elif name == "integers_int8":
                r = ints(g.integers(args[0], args[1], size=args[2], dtype=np.int8))
            elif name == "standard_normal":
                r = float(g.standard_normal())
            elif name == "standard_exponential":
                r = float(g.standard_exponential())
            elif name == "uniform":
                r = float(g.uniform(args[0], args[1]))
            elif name == "normal":
                r = float(g.normal(args[0], args[1]))
            elif name == "exponential":
                r = float(g.exponential(args[0]))
            else:
                raise AssertionError(name)
            ops.append([name] + args)
            results.append(r)
    return {"ops": ops, "results": results, "state_after": state(g)}


def main():
    out = {
        "numpy_version": np.__version__,
        "note": __doc__.strip(),
        "seeds": {},
    }
    for seed in SEEDS:
        entry = {}
        for name, fn in CASES:
            g = rng(seed)
            entry[name] = {"values": fn(g), "state_after": state(g)}
        entry["mixed_ops"] = mixed_ops(rng(seed))
        g = rng(seed)
        normals = g.standard_normal(BULK_N)
        entry[f"standard_normal({BULK_N}) sha256"] = {"sha256": sha(normals), "state_after": state(g)}
        g = rng(seed)
        exps = g.standard_exponential(BULK_N)
        entry[f"standard_exponential({BULK_N}) sha256"] = {"sha256": sha(exps), "state_after": state(g)}
        out["seeds"][str(seed)] = entry
    json.dump(out, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
