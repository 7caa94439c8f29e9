"""Client-side action checks with Gymnasium's meaning of `space.contains`, so that a bad action fails at
the caller with the space in the message instead of being silently converted on the way (Discrete 2.5
is not 2)."""
import numbers

import numpy as np

from ._compat import spaces


def problem(space, x):
    """Why `x` is not an action of `space`, or None when it is one."""
    if isinstance(space, spaces.Discrete):
        if isinstance(x, np.ndarray):
            if x.shape != () or x.dtype.kind not in "iu":
                return f"expected an integer, got an array of dtype {x.dtype} and shape {x.shape}"
            x = x.item()
        elif isinstance(x, (bool, np.bool_)) or not isinstance(x, (numbers.Integral, np.integer)):
            return f"expected an integer, got {type(x).__name__}"
        if not int(space.start) <= int(x) < int(space.start) + int(space.n):
            return f"expected an integer in [{int(space.start)}, {int(space.start) + int(space.n)})"
        return None
    if isinstance(space, spaces.Box):
        a = _array(x)
        if a is None or a.dtype.kind not in "biuf":
            return "expected an array of numbers"
        if a.shape != space.shape:
            return f"expected shape {space.shape}, got {a.shape}"
        if space.dtype.kind in "iu" and a.dtype.kind == "f" and not np.all(np.floor(a) == a):
            return f"expected whole numbers for dtype {space.dtype}"
        if a.dtype.kind == "f" and not np.all(np.isfinite(a)):
            return "expected finite numbers"
        return None
    if isinstance(space, (spaces.MultiDiscrete, spaces.MultiBinary)):
        a = _array(x)
        if a is None or a.dtype.kind not in "biuf":
            return "expected an array of integers"
        if a.shape != space.shape:
            return f"expected shape {space.shape}, got {a.shape}"
        if a.dtype.kind == "f" and not np.all(np.floor(a) == a):
            return "expected whole numbers"
        if isinstance(space, spaces.MultiBinary):
            return None if np.all((a == 0) | (a == 1)) else "expected 0s and 1s"
        start = np.asarray(getattr(space, "start", 0))
        if not (np.all(a >= start) and np.all(a < start + np.asarray(space.nvec))):
            return "expected each element i in [start[i], start[i] + nvec[i])"
        return None
    if isinstance(space, spaces.Tuple):
        if isinstance(x, np.ndarray):
            x = tuple(x)
        if not isinstance(x, (tuple, list)) or len(x) != len(space.spaces):
            return f"expected a tuple of {len(space.spaces)} items"
        for i, (sub, item) in enumerate(zip(space.spaces, x)):
            p = problem(sub, item)
            if p is not None:
                return f"item {i}: {p}"
        return None
    if isinstance(space, spaces.Dict):
        if not isinstance(x, dict) or set(x.keys()) != set(space.spaces.keys()):
            return f"expected a dict with keys {list(space.spaces.keys())}"
        for key, sub in space.spaces.items():
            p = problem(sub, x[key])
            if p is not None:
                return f"key {key!r}: {p}"
        return None
    return None  # a space with no wire form: the encoder says so


def _array(x):
    try:
        return np.asarray(x)
    except (TypeError, ValueError):
        return None


def _uniform_bounds(space):
    """(low, high) when every element of a MultiDiscrete has the same range, else None; kept on the space."""
    bounds = space.__dict__.get("_gym4j_uniform_bounds", False)
    if bounds is False:
        start = np.broadcast_to(np.asarray(getattr(space, "start", 0)), space.shape)
        end = start + np.asarray(space.nvec)
        bounds = None
        if start.size and np.all(start == start.flat[0]) and np.all(end == end.flat[0]):
            bounds = (int(start.flat[0]), int(end.flat[0]))
        space.__dict__["_gym4j_uniform_bounds"] = bounds
    return bounds


def check(space, x, error):
    """Raises `error(message)` naming the action and the space when `x` is not in `space`."""
    if type(x) is int and isinstance(space, spaces.Discrete) and space.start <= x < space.start + space.n:
        return  # the common case, without the general walk
    if (type(x) is np.ndarray and x.dtype.kind in "iu" and type(space) is spaces.MultiDiscrete
            and x.shape == space.shape and x.size):
        bounds = _uniform_bounds(space)  # a vector env's batch of Discrete actions: two reductions
        if bounds is not None and x.min() >= bounds[0] and x.max() < bounds[1]:
            return
    p = problem(space, x)
    if p is not None:
        shown = repr(x)
        if len(shown) > 200:
            shown = shown[:200] + "..."
        raise error(f"Invalid action {shown} for action space {space}: {p}")
