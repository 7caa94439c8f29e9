"""NumPy values and spaces to and from the protocol's messages (see bridge/PROTOCOL.md)."""
import numbers

import numpy as np

from . import bridge_pb2 as pb
from ._compat import spaces

PROTOCOL_VERSION = 1
CAPABILITIES = ["tensors-le", "vector", "render-rgb", "big-seeds"]

_TO_NP = {
    pb.DTYPE_FLOAT32: np.dtype("<f4"),
    pb.DTYPE_FLOAT64: np.dtype("<f8"),
    pb.DTYPE_UINT8: np.dtype("u1"),
    pb.DTYPE_INT8: np.dtype("i1"),
    pb.DTYPE_INT32: np.dtype("<i4"),
    pb.DTYPE_INT64: np.dtype("<i8"),
    pb.DTYPE_BOOL: np.dtype("?"),
}
_FROM_NP = {np.dtype(v).newbyteorder("=") if v.byteorder != "|" else v: k for k, v in _TO_NP.items()}


class ProtocolError(Exception):
    """A message that breaks the protocol."""


def wire_dtype(dtype):
    dtype = np.dtype(dtype)
    key = dtype.newbyteorder("=") if dtype.byteorder not in ("|", "=") else dtype
    for np_dtype, code in _FROM_NP.items():
        if np_dtype == key:
            return code
    raise ProtocolError(f"dtype {dtype} has no wire form; use float32, float64, uint8, int8, int32, int64 or bool")


def tensor(array, dtype=None):
    a = np.asarray(array, dtype=dtype)
    code = wire_dtype(a.dtype)
    t = pb.Tensor(dtype=code, shape=a.shape)
    t.data = np.ascontiguousarray(a, dtype=_TO_NP[code]).tobytes()
    return t


def from_tensor(t):
    if t.dtype not in _TO_NP:
        raise ProtocolError(f"tensor has no dtype ({t.dtype})")
    dt = _TO_NP[t.dtype]
    shape = tuple(t.shape)
    n = int(np.prod(shape)) if shape else 1
    if n * dt.itemsize != len(t.data):
        raise ProtocolError(f"tensor of dtype {dt} and shape {shape} needs {n * dt.itemsize} bytes, got {len(t.data)}")
    return np.frombuffer(t.data, dtype=dt).astype(dt.newbyteorder("="), copy=True).reshape(shape)


# ---------------------------------------------------------------- space elements

def encode(space, x):
    v = pb.Value()
    if isinstance(space, spaces.Box):
        v.tensor.CopyFrom(tensor(np.asarray(x).reshape(space.shape), space.dtype))
    elif isinstance(space, spaces.Discrete):
        v.tensor.CopyFrom(tensor(np.int64(x)))
    elif isinstance(space, spaces.MultiDiscrete):
        v.tensor.CopyFrom(tensor(np.asarray(x), np.int64))
    elif isinstance(space, spaces.MultiBinary):
        v.tensor.CopyFrom(tensor(np.asarray(x), np.int8))
    elif isinstance(space, spaces.Tuple):
        for sub, item in zip(space.spaces, x):
            v.list.items.add().CopyFrom(encode(sub, item))
        v.list.SetInParent()
    elif isinstance(space, spaces.Dict):
        for key, sub in space.spaces.items():
            e = v.map.entries.add()
            e.key = key
            e.value.CopyFrom(encode(sub, x[key]))
        v.map.SetInParent()
    else:
        raise ProtocolError(f"space {space!r} has no wire form")
    return v


def decode(space, v):
    kind = v.WhichOneof("kind")
    if isinstance(space, (spaces.Box, spaces.MultiDiscrete, spaces.MultiBinary)):
        if kind != "tensor":
            raise ProtocolError(f"expected a tensor for {space}, got {kind}")
        a = from_tensor(v.tensor)
        if a.size != int(np.prod(space.shape)):
            raise ProtocolError(f"expected {int(np.prod(space.shape))} elements for {space}, got {a.size}")
        return a.reshape(space.shape).astype(space.dtype, copy=False)
    if isinstance(space, spaces.Discrete):
        if kind == "integer":
            return np.int64(v.integer)
        if kind != "tensor":
            raise ProtocolError(f"expected a tensor for {space}, got {kind}")
        a = from_tensor(v.tensor)
        if a.size != 1:
            raise ProtocolError(f"expected one integer for {space}, got {a.size}")
        return np.int64(a.reshape(()))
    if isinstance(space, spaces.Tuple):
        if kind != "list" or len(v.list.items) != len(space.spaces):
            raise ProtocolError(f"expected a list of {len(space.spaces)} values for {space}")
        return tuple(decode(s, item) for s, item in zip(space.spaces, v.list.items))
    if isinstance(space, spaces.Dict):
        if kind != "map":
            raise ProtocolError(f"expected a map for {space}")
        items = {e.key: e.value for e in v.map.entries}
        return {k: decode(s, items[k]) for k, s in space.spaces.items()}
    raise ProtocolError(f"space {space!r} has no wire form")


# ---------------------------------------------------------------- free-form values

def encode_any(x):
    v = pb.Value()
    if x is None:
        return v
    if isinstance(x, (bool, np.bool_)):
        v.flag = bool(x)
    elif isinstance(x, (int, np.integer)) and -(1 << 63) <= int(x) < (1 << 63):
        v.integer = int(x)
    elif isinstance(x, (float, np.floating)):
        v.real = float(x)
    elif isinstance(x, str):
        v.text = x
    elif isinstance(x, (bytes, bytearray)):
        v.raw = bytes(x)
    elif isinstance(x, np.ndarray):
        try:
            v.tensor.CopyFrom(tensor(x))
        except ProtocolError:
            v.list.SetInParent()
            for item in x.tolist():
                v.list.items.add().CopyFrom(encode_any(item))
    elif isinstance(x, dict):
        v.map.CopyFrom(encode_map(x))
    elif isinstance(x, (list, tuple)):
        v.list.SetInParent()
        for item in x:
            v.list.items.add().CopyFrom(encode_any(item))
    else:
        v.text = str(x)
    return v


def encode_map(m):
    out = pb.ValueMap()
    for k, val in (m or {}).items():
        e = out.entries.add()
        e.key = str(k)
        e.value.CopyFrom(encode_any(val))
    return out


def decode_any(v):
    kind = v.WhichOneof("kind")
    if kind is None:
        return None
    if kind == "tensor":
        return from_tensor(v.tensor)
    if kind == "list":
        return [decode_any(i) for i in v.list.items]
    if kind == "map":
        return decode_map(v.map)
    return getattr(v, kind)


def decode_map(m):
    return {e.key: decode_any(e.value) for e in m.entries}


# ---------------------------------------------------------------- seeds

def seed_to_wire(seed):
    # An integer (Python int or NumPy integer), as Gymnasium's seeding takes; 1.5, "7" and True are refused,
    # never rounded or parsed.
    if isinstance(seed, bool) or not isinstance(seed, numbers.Integral):
        raise ValueError(f"Seed must be a non-negative integer, got {type(seed).__name__} {seed!r}")
    seed = int(seed)
    if seed < 0:
        raise ValueError(f"Seed must be a non-negative integer, got {seed}")
    return pb.Seed(magnitude=seed.to_bytes((seed.bit_length() + 7) // 8, "big"))


def seed_from_wire(s):
    return int.from_bytes(s.magnitude, "big")


# ---------------------------------------------------------------- spaces

def space_to_wire(space):
    s = pb.Space()
    if isinstance(space, spaces.Box):
        s.box.dtype = wire_dtype(space.dtype)
        s.box.shape.extend(space.shape)
        low = np.where(np.asarray(space.bounded_below), space.low.astype(np.float64), -np.inf)
        high = np.where(np.asarray(space.bounded_above), space.high.astype(np.float64), np.inf)
        s.box.low.extend(low.ravel().tolist())
        s.box.high.extend(high.ravel().tolist())
    elif isinstance(space, spaces.Discrete):
        s.discrete.n = int(space.n)
        s.discrete.start = int(space.start)
    elif isinstance(space, spaces.MultiDiscrete):
        s.multi_discrete.nvec.extend(np.asarray(space.nvec).ravel().tolist())
        s.multi_discrete.start.extend(np.asarray(getattr(space, "start", np.zeros_like(space.nvec))).ravel().tolist())
    elif isinstance(space, spaces.MultiBinary):
        s.multi_binary.shape.extend(space.shape)
    elif isinstance(space, spaces.Tuple):
        s.tuple.SetInParent()
        for sub in space.spaces:
            s.tuple.spaces.add().CopyFrom(space_to_wire(sub))
    elif isinstance(space, spaces.Dict):
        s.dict.SetInParent()
        for key, sub in space.spaces.items():
            e = s.dict.entries.add()
            e.key = key
            e.space.CopyFrom(space_to_wire(sub))
    else:
        raise ProtocolError(f"space {space!r} has no wire form")
    return s


def space_from_wire(s):
    kind = s.WhichOneof("kind")
    if kind == "box":
        dtype = _TO_NP[s.box.dtype].newbyteorder("=")
        shape = tuple(s.box.shape)
        low = np.asarray(s.box.low, dtype=np.float64).reshape(shape)
        high = np.asarray(s.box.high, dtype=np.float64).reshape(shape)
        if dtype.kind != "f":
            info = np.iinfo(dtype)
            low = np.where(np.isfinite(low), low, info.min).astype(dtype)
            high = np.where(np.isfinite(high), high, info.max).astype(dtype)
        else:
            low, high = low.astype(dtype), high.astype(dtype)  # exact: the bounds were of this dtype
        return spaces.Box(low=low, high=high, shape=shape, dtype=dtype)
    if kind == "discrete":
        return spaces.Discrete(s.discrete.n, start=s.discrete.start)
    if kind == "multi_discrete":
        nvec = np.asarray(s.multi_discrete.nvec, dtype=np.int64)
        start = np.asarray(s.multi_discrete.start, dtype=np.int64) if len(s.multi_discrete.start) else None
        return spaces.MultiDiscrete(nvec, start=start) if start is not None and np.any(start) else spaces.MultiDiscrete(nvec)
    if kind == "multi_binary":
        shape = tuple(s.multi_binary.shape)
        return spaces.MultiBinary(shape[0] if len(shape) == 1 else list(shape))
    if kind == "tuple":
        return spaces.Tuple([space_from_wire(x) for x in s.tuple.spaces])
    if kind == "dict":
        return spaces.Dict({e.key: space_from_wire(e.space) for e in s.dict.entries})
    raise ProtocolError("space has no kind set")
