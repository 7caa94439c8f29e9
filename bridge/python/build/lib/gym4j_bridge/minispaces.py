"""Minimal stand-ins for gymnasium.Env and gymnasium.spaces, used when Gymnasium is not installed.

They have the attributes and methods trainers use (shape, dtype, sample, contains, seed, n, start, low,
high, nvec, spaces) with Gymnasium's meaning; sampling is seeded with NumPy's default generator but does
not promise Gymnasium's exact draws.
"""
import numpy as np


class Space:
    def __init__(self, shape=None, dtype=None, seed=None):
        self._shape = None if shape is None else tuple(int(d) for d in shape)
        self.dtype = None if dtype is None else np.dtype(dtype)
        self._np_random = None
        if seed is not None:
            self.seed(seed)

    @property
    def shape(self):
        return self._shape

    @property
    def np_random(self):
        if self._np_random is None:
            self._np_random = np.random.default_rng()
        return self._np_random

    def seed(self, seed=None):
        self._np_random = np.random.default_rng(seed)
        return [seed]

    def __contains__(self, x):
        return self.contains(x)


class Box(Space):
    def __init__(self, low, high, shape=None, dtype=np.float32, seed=None):
        dtype = np.dtype(dtype)
        if shape is None:
            shape = np.shape(low) if np.ndim(low) else np.shape(high)
        self.low = np.broadcast_to(np.asarray(low, dtype=np.float64), shape).astype(dtype) if dtype.kind == "f" \
            else np.broadcast_to(np.asarray(low), shape).astype(dtype)
        self.high = np.broadcast_to(np.asarray(high, dtype=np.float64), shape).astype(dtype) if dtype.kind == "f" \
            else np.broadcast_to(np.asarray(high), shape).astype(dtype)
        self.bounded_below = np.isfinite(self.low) if dtype.kind == "f" else np.ones(shape, bool)
        self.bounded_above = np.isfinite(self.high) if dtype.kind == "f" else np.ones(shape, bool)
        super().__init__(shape, dtype, seed)

    def sample(self):
        r = self.np_random
        low = np.where(self.bounded_below, self.low, -1.0).astype(np.float64)
        high = np.where(self.bounded_above, self.high, 1.0).astype(np.float64)
        if self.dtype.kind == "f":
            return r.uniform(low, high, size=self.shape).astype(self.dtype)
        return np.floor(r.uniform(low, high + 1, size=self.shape)).astype(self.dtype)

    def contains(self, x):
        x = np.asarray(x)
        return x.shape == self.shape and bool(np.all(x >= self.low)) and bool(np.all(x <= self.high)) \
            and not bool(np.any(np.isnan(x.astype(np.float64))))

    def __eq__(self, other):
        return isinstance(other, Box) and self.shape == other.shape and self.dtype == other.dtype \
            and np.array_equal(self.low, other.low) and np.array_equal(self.high, other.high)

    def __repr__(self):
        return f"Box({self.low}, {self.high}, {self.shape}, {self.dtype})"


class Discrete(Space):
    def __init__(self, n, seed=None, start=0):
        self.n = np.int64(n)
        self.start = np.int64(start)
        super().__init__((), np.int64, seed)

    def sample(self):
        return np.int64(self.start + self.np_random.integers(self.n))

    def contains(self, x):
        if isinstance(x, (int, np.integer)) or (isinstance(x, np.ndarray) and x.shape == () and x.dtype.kind in "iu"):
            return bool(self.start <= int(x) < self.start + self.n)
        return False

    def __eq__(self, other):
        return isinstance(other, Discrete) and self.n == other.n and self.start == other.start

    def __repr__(self):
        return f"Discrete({self.n})" if self.start == 0 else f"Discrete({self.n}, start={self.start})"


class MultiDiscrete(Space):
    def __init__(self, nvec, dtype=np.int64, seed=None, start=None):
        self.nvec = np.asarray(nvec, dtype=np.int64)
        self.start = np.zeros_like(self.nvec) if start is None else np.asarray(start, dtype=np.int64)
        super().__init__(self.nvec.shape, dtype, seed)

    def sample(self):
        return (self.start + np.floor(self.np_random.random(self.nvec.shape) * self.nvec)).astype(self.dtype)

    def contains(self, x):
        x = np.asarray(x)
        return x.shape == self.shape and bool(np.all(x >= self.start)) and bool(np.all(x < self.start + self.nvec))

    def __eq__(self, other):
        return isinstance(other, MultiDiscrete) and np.array_equal(self.nvec, other.nvec) and np.array_equal(self.start, other.start)

    def __repr__(self):
        return f"MultiDiscrete({self.nvec})"


class MultiBinary(Space):
    def __init__(self, n, seed=None):
        self.n = n
        super().__init__((n,) if np.isscalar(n) else tuple(n), np.int8, seed)

    def sample(self):
        return self.np_random.integers(0, 2, size=self.shape, dtype=np.int8)

    def contains(self, x):
        x = np.asarray(x)
        return x.shape == self.shape and bool(np.all((x == 0) | (x == 1)))

    def __eq__(self, other):
        return isinstance(other, MultiBinary) and self.shape == other.shape

    def __repr__(self):
        return f"MultiBinary({self.n})"


class Tuple(Space):
    def __init__(self, spaces, seed=None):
        self.spaces = tuple(spaces)
        super().__init__(None, None, seed)

    def seed(self, seed=None):
        super().seed(seed)
        return [seed] + [s.seed(None if seed is None else seed + i + 1)[0] for i, s in enumerate(self.spaces)]

    def sample(self):
        return tuple(s.sample() for s in self.spaces)

    def contains(self, x):
        return isinstance(x, (tuple, list)) and len(x) == len(self.spaces) and all(s.contains(v) for s, v in zip(self.spaces, x))

    def __getitem__(self, i):
        return self.spaces[i]

    def __len__(self):
        return len(self.spaces)

    def __eq__(self, other):
        return isinstance(other, Tuple) and self.spaces == other.spaces

    def __repr__(self):
        return "Tuple(" + ", ".join(repr(s) for s in self.spaces) + ")"


class Dict(Space):
    def __init__(self, spaces=None, seed=None, **kw):
        self.spaces = dict(spaces or {}, **kw)
        super().__init__(None, None, seed)

    def seed(self, seed=None):
        super().seed(seed)
        return [seed] + [s.seed(None if seed is None else seed + i + 1)[0] for i, s in enumerate(self.spaces.values())]

    def sample(self):
        return {k: s.sample() for k, s in self.spaces.items()}

    def contains(self, x):
        return isinstance(x, dict) and set(x) == set(self.spaces) and all(s.contains(x[k]) for k, s in self.spaces.items())

    def __getitem__(self, k):
        return self.spaces[k]

    def keys(self):
        return self.spaces.keys()

    def __eq__(self, other):
        return isinstance(other, Dict) and self.spaces == other.spaces

    def __repr__(self):
        return "Dict(" + ", ".join(f"{k!r}: {s!r}" for k, s in self.spaces.items()) + ")"


class Env:
    """The subset of gymnasium.Env that gym4j_bridge needs: reset, step, render, close and the attributes."""

    metadata = {"render_modes": []}
    render_mode = None
    spec = None
    observation_space = None
    action_space = None

    def reset(self, *, seed=None, options=None):
        raise NotImplementedError

    def step(self, action):
        raise NotImplementedError

    def render(self):
        return None

    def close(self):
        pass

    @property
    def unwrapped(self):
        return self

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()
        return False
