#!/usr/bin/env python3
"""Writes reference.json: samples, seeds, flattenings and str() of Gymnasium's spaces.

The Java tests in dev.gym4j.api.spaces compare gym4j's spaces with this file bit for bit.
Regenerate it only when moving to a new Gymnasium or NumPy version, and say so in the commit:

    python3 -m venv /tmp/spvenv
    /tmp/spvenv/bin/pip install gymnasium numpy
    /tmp/spvenv/bin/python gym-api/src/test/resources/spaces/make_reference.py \
        > gym-api/src/test/resources/spaces/reference.json

Floats are written as their raw IEEE bits (float32 as a uint32, float64 as a uint64) so
that no decimal conversion stands between NumPy and the Java test.  Each space has a name;
SpaceReferenceTest builds the same space in Java under that name.
"""

import json
import struct
import sys

import gymnasium
import numpy as np
from gymnasium import spaces

F32 = np.float32
INF = np.inf

SEEDS = [0, 42, 2**64 + 5]
N_SAMPLES = 10


def make_spaces():
    return {
        "discrete2": spaces.Discrete(2),
        "discrete5_start-2": spaces.Discrete(5, start=-2),
        "discrete1": spaces.Discrete(1),
        "box_f32_bounded": spaces.Box(
            low=np.array([-1.0, -2.5, 0.0, 10.0], dtype=F32),
            high=np.array([1.0, 2.5, 0.1, 1000.0], dtype=F32)),
        "box_f32_scalar": spaces.Box(-2.0, 2.0, (1,), F32),
        "box_f32_mixed": spaces.Box(
            low=np.array([[-INF, 0.0, -INF], [-1.0, -5.0, -INF]], dtype=F32),
            high=np.array([[INF, INF, 3.0], [1.0, INF, INF]], dtype=F32)),
        "box_f64": spaces.Box(-2.0, 3.0, (3,), np.float64),
        "box_f64_mixed": spaces.Box(
            low=np.array([-INF, 1.5, -0.25]), high=np.array([INF, INF, 0.75]), dtype=np.float64),
        "box_u8": spaces.Box(0, 255, (2, 3), np.uint8),
        "box_i32": spaces.Box(
            low=np.array([-10, 0, 100]), high=np.array([10, 1, 200]), dtype=np.int32),
        "box_i32_unbounded": spaces.Box(
            low=np.array([-INF, 0.0, -INF]), high=np.array([INF, INF, 7.0]), dtype=np.int32),
        "box_i64": spaces.Box(-1000, 1000, (3,), np.int64),
        "multidiscrete": spaces.MultiDiscrete([2, 3, 4]),
        "multidiscrete_start": spaces.MultiDiscrete([2, 3], start=[-1, 5]),
        "multibinary5": spaces.MultiBinary(5),
        "multibinary_2x3": spaces.MultiBinary([2, 3]),
        "tuple": spaces.Tuple((spaces.Discrete(3), spaces.Box(-1.0, 1.0, (2,), F32))),
        "dict": spaces.Dict({
            "b": spaces.Discrete(3),
            "a": spaces.Box(-1.0, 1.0, (2,), F32),
            "c": spaces.Tuple((spaces.MultiBinary(3), spaces.MultiDiscrete([3, 3]))),
        }),
        "dict_mixed_dtypes": spaces.Dict({
            "pixels": spaces.Box(0, 255, (2, 2), np.uint8),
            "flags": spaces.MultiBinary(2),
            "speed": spaces.Box(-1.0, 1.0, (1,), F32),
        }),
    }


def f32_bits(x):
    return struct.unpack("<I", struct.pack("<f", float(x)))[0]


def f64_bits(x):
    return struct.unpack("<Q", struct.pack("<d", float(x)))[0]


def encode(space, value):
    """A sample as JSON: ints as ints, floats as raw bits, composites as lists / objects."""
    if isinstance(space, spaces.Tuple):
        return [encode(s, v) for s, v in zip(space.spaces, value)]
    if isinstance(space, spaces.Dict):
        return {k: encode(space.spaces[k], value[k]) for k in space.spaces}
    return encode_array(np.asarray(value))


def encode_array(arr):
    flat = arr.reshape(-1)
    if arr.dtype == np.float32:
        return [f32_bits(x) for x in flat]
    if arr.dtype == np.float64:
        return [f64_bits(x) for x in flat]
    values = [int(x) for x in flat]
    return values[0] if arr.shape == () else values


def flatten_entry(space, value):
    flat = spaces.flatten(space, value)
    return {"dtype": str(flat.dtype), "values": encode_array(flat)}


def seed_result(result):
    if isinstance(result, dict):
        return {k: seed_result(v) for k, v in result.items()}
    if isinstance(result, (tuple, list)):
        return [seed_result(v) for v in result]
    return int(result)


def space_entries():
    out = {}
    for name, space in make_spaces().items():
        flat_space = spaces.flatten_space(space)
        entry = {
            "str": str(space),
            "flatdim": int(spaces.flatdim(space)),
            "flatten_space_str": str(flat_space),
            "runs": [],
        }
        for seed in SEEDS:
            space = make_spaces()[name]
            seeds = space.seed(seed)
            samples = [space.sample() for _ in range(N_SAMPLES)]
            entry["runs"].append({
                "seed": str(seed),
                "seed_result": seed_result(seeds),
                "samples": [encode(space, s) for s in samples],
                "flattened": [flatten_entry(space, s) for s in samples[:3]],
            })
        out[name] = entry
    return out


def masked_discrete_entries():
    out = []
    for mask in ([0, 1, 0, 1, 1, 0], [0, 0, 0, 0, 0, 0], [1, 1, 1, 1, 1, 1], [0, 0, 0, 0, 0, 1]):
        for seed in SEEDS:
            space = spaces.Discrete(6, start=3)
            space.seed(seed)
            m = np.array(mask, dtype=np.int8)
            out.append({"mask": mask, "seed": str(seed),
                        "samples": [int(space.sample(mask=m)) for _ in range(N_SAMPLES)]})
    return out


def box_reprs():
    """str() of Boxes whose bounds exercise NumPy's scalar and array printing."""
    cases = {
        "cartpole_obs": spaces.Box(
            -np.array([4.8, F32(np.finfo(F32).max), 0.41887903, np.finfo(F32).max], dtype=F32),
            np.array([4.8, np.finfo(F32).max, 0.41887903, np.finfo(F32).max], dtype=F32)),
        "cartpole_obs_inf": spaces.Box(
            -np.array([4.8, INF, 0.41887903, INF], dtype=F32),
            np.array([4.8, INF, 0.41887903, INF], dtype=F32)),
        "mountaincar_obs": spaces.Box(np.array([-1.2, -0.07], dtype=F32), np.array([0.6, 0.07], dtype=F32)),
        "pendulum_obs": spaces.Box(np.array([-1.0, -1.0, -8.0], dtype=F32), np.array([1.0, 1.0, 8.0], dtype=F32)),
        "scalar_shape": spaces.Box(-1.0, 1.0, (), F32),
        "empty_shape": spaces.Box(-1.0, 1.0, (0,), F32),
        "f64_third": spaces.Box(np.array([-1 / 3, 0.0]), np.array([1 / 3, 2.0]), dtype=np.float64),
        "u8_image": spaces.Box(0, 255, (4, 4, 3), np.uint8),
        "i32_mixed": spaces.Box(np.array([-5, 0]), np.array([5, 100000]), dtype=np.int32),
        "i64_big": spaces.Box(np.array([-(2**62), 0]), np.array([2**62, 1]), dtype=np.int64),
        "i32_inf": spaces.Box(-INF, INF, (2,), np.int32),
        "f32_large": spaces.Box(-1e6, 1e6, (2,), F32),
        "f32_wide_range": spaces.Box(np.array([1e-5, 0.0], dtype=F32), np.array([1.0, 1e5], dtype=F32)),
        "f32_matrix": spaces.Box(
            -np.arange(1, 7, dtype=F32).reshape(2, 3) / 7, np.arange(1, 7, dtype=F32).reshape(2, 3), dtype=F32),
        "f32_long_row": spaces.Box(
            -np.arange(1, 21, dtype=F32) / 3, np.arange(1, 21, dtype=F32) * 1.1, dtype=F32),
        "f32_neg_zero": spaces.Box(-0.0, 1.0, (2,), F32),
        "f64_big": spaces.Box(np.array([-1e20, 1.0]), np.array([1e20, 2.0]), dtype=np.float64),
    }
    return {name: str(space) for name, space in cases.items()}


def array_strs():
    """str() of float and int arrays, to test gym4j's copy of NumPy's array printing."""
    rng = np.random.default_rng(12345)
    out = []

    def add(arr):
        out.append({"dtype": str(arr.dtype), "shape": list(arr.shape),
                    "values": encode_array(arr), "str": str(arr)})

    for dtype in (np.float32, np.float64):
        for shape in ((3,), (7,), (2, 5), (3, 2, 2), (25,)):
            for scale in (1.0, 1e-3, 1e3, 1e5, 1e7, 1e9, 1e-6):
                add((rng.standard_normal(shape) * scale).astype(dtype))
            add(np.round(rng.standard_normal(shape) * 10).astype(dtype))
            add((rng.integers(0, 4, shape) / 4).astype(dtype))
        add(np.array([0.0, -0.0, 1.0], dtype=dtype))
        add(np.array([np.inf, -np.inf, 1.5], dtype=dtype))
        add(np.array([np.nan, 2.0, -3.25], dtype=dtype))
        add(np.array([np.inf, np.nan], dtype=dtype))
        add(np.array([0.1, 0.2, 0.3], dtype=dtype))
        add(np.array([1e-5, 1.0, np.inf], dtype=dtype))
        add(np.array([0.001953125, 0.5], dtype=dtype))
        add(np.array([123456.79, 0.5], dtype=dtype))
    # past 1000 elements NumPy summarises with "..." and formats only the corners
    add((rng.standard_normal(1200) * 3).astype(np.float32))
    add((rng.standard_normal((3, 400)) * 1e4).astype(np.float64))
    add(rng.integers(-500, 500, (30, 40)).astype(np.int32))
    add(rng.integers(0, 256, (12, 12, 12)).astype(np.uint8))
    for dtype in (np.uint8, np.int8, np.int32, np.int64):
        info = np.iinfo(dtype)
        for shape in ((4,), (2, 3), (40,), (3, 3, 3)):
            add(rng.integers(info.min, int(info.max) + 1, shape, dtype=dtype))
            add(rng.integers(0, 10, shape).astype(dtype))
    return out


def scalar_strs():
    rng = np.random.default_rng(777)
    values = [0.0, -0.0, 1.0, -4.8, 0.41887903, 1e-4, 9.99e-5, 123456.0, 999999.0, 1e6, 1234567.0,
              1e15, 1e16, 3.4028235e38, 1e-45, 2.5e-10, np.inf, -np.inf, np.nan, 0.1, 1 / 3]
    values += list(rng.standard_normal(20) * 10.0 ** rng.integers(-8, 12, 20))
    out = []
    for v in values:
        f32 = F32(v)
        f64 = np.float64(v)
        out.append({"dtype": "float32", "bits": f32_bits(f32), "str": str(f32)})
        out.append({"dtype": "float64", "bits": f64_bits(f64), "str": str(f64)})
    return out


def main():
    doc = {
        "generator": "make_reference.py",
        "gymnasium": gymnasium.__version__,
        "numpy": np.__version__,
        "spaces": space_entries(),
        "masked_discrete": masked_discrete_entries(),
        "box_reprs": box_reprs(),
        "array_strs": array_strs(),
        "scalar_strs": scalar_strs(),
    }
    json.dump(doc, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
