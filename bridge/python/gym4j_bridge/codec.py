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


_WIRE_CODES = {}  # dtype -> wire code, filled as dtypes are met (a dict lookup instead of a walk)


def wire_dtype(dtype):
    code = _WIRE_CODES.get(dtype)
    if code is not None:
        return code
    dtype = np.dtype(dtype)
    key = dtype.newbyteorder("=") if dtype.byteorder not in ("|", "=") else dtype
    for np_dtype, code in _FROM_NP.items():
        if np_dtype == key:
            if len(_WIRE_CODES) < 64:
                _WIRE_CODES[dtype] = code
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
    n = 1
    for d in shape:
        n *= d
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


def decoder(space):
    """A function that decodes a Value of `space` as `decode(space, v)` does, faster for the usual case
    (an array space whose tensor comes in the space's dtype and shape, or a Discrete)."""
    if isinstance(space, (spaces.Box, spaces.MultiDiscrete, spaces.MultiBinary)) and space.shape is not None:
        try:
            code = wire_dtype(space.dtype)
        except ProtocolError:
            return lambda v: decode(space, v)
        native = _TO_NP[code].newbyteorder("=")
        shape = tuple(int(d) for d in space.shape)
        nbytes = native.itemsize
        for d in shape:
            nbytes *= d
        if native != space.dtype:
            return lambda v: decode(space, v)

        ndim = len(shape)
        first = shape[0] if ndim else None

        def fast(v):
            t = v.tensor
            if t.dtype == code and len(t.data) == nbytes and v.HasField("tensor"):
                sh = t.shape
                if len(sh) == ndim and (ndim == 0 or sh[0] == first) and (ndim <= 1 or tuple(sh) == shape):
                    return np.frombuffer(t.data, dtype=native).reshape(shape).copy()  # writable, as decode gives
            return decode(space, v)
        return fast
    return lambda v: decode(space, v)


def tensor_decoder(dtype, shape):
    """A function that decodes a Tensor as `from_tensor` does, faster when it comes in `dtype` and `shape`
    (such as a vector env's rewards, float64 [N])."""
    code = wire_dtype(dtype)
    native = _TO_NP[code].newbyteorder("=")
    shape = tuple(int(d) for d in shape)
    nbytes = native.itemsize * int(np.prod(shape, dtype=np.int64))

    def fast(t):
        if t.dtype == code and len(t.data) == nbytes and tuple(t.shape) == shape:
            return np.frombuffer(t.data, dtype=native).reshape(shape).copy()
        return from_tensor(t)
    return fast


def action_encoder(space):
    """A function from an action of `space` to the bytes of a Value message (as `encode(space, x)` gives),
    with the bytes of every Discrete action of a small space made once."""
    if isinstance(space, spaces.Discrete) and int(space.n) <= 4096:
        start = int(space.start)
        cache = {a: encode(space, a).SerializeToString() for a in range(start, start + int(space.n))}

        def discrete(x):
            b = cache.get(x) if type(x) is int or isinstance(x, np.integer) else None
            return b if b is not None else encode(space, x).SerializeToString()
        return discrete
    return lambda x: encode(space, x).SerializeToString()


def _varint(n):
    out = bytearray()
    while n > 0x7F:
        out.append((n & 0x7F) | 0x80)
        n >>= 7
    out.append(n)
    return bytes(out)


def field(number, payload):
    """The bytes of a length-delimited field (a submessage or bytes) `number` holding `payload`."""
    return _varint(number << 3 | 2) + _varint(len(payload)) + payload


def id_field(request_id):
    """The bytes of a Request's (or Response's) field 1, the uint64 id."""
    return b"\x08" + (_SMALL[request_id] if request_id < 128 else _varint(request_id))


_SMALL = [bytes((i,)) for i in range(128)]


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
    entries = m.entries
    return {e.key: decode_any(e.value) for e in entries} if entries else {}


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
