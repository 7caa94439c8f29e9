"""Experience from gym4j rollout workers, and policies back to them (bridge/PROTOCOL.md, "Experience" and "Policies").

ExperienceReader yields each Trajectory a worker shipped exactly once (de-duplicated by (worker, sequence)),
from ZeroMQ (``zmq://HOST:PORT``: the reader binds, workers connect) or Redis Streams
(``redis://[user:password@]HOST:PORT/EXPERIMENT``, needs the optional ``redis`` package). PolicyPublisher
publishes ONNX models for the workers to a directory (``dir:/path``), to Redis, or over ZeroMQ (``zmq://HOST:PORT``:
the publisher binds and serves the latest version, workers connect).
"""
import dataclasses
import hashlib
import json
import os
import secrets
import socket
import sys
import tempfile
import time
import urllib.parse

import numpy as np

from . import bridge_pb2 as pb
from .codec import ProtocolError, from_tensor, space_to_wire

PROTOCOL_VERSION = 1
DEFAULT_GROUP = "gym4j-trainers"


class ExperienceError(Exception):
    """A transport or policy store failure; the message names the cause."""


def _bind(sock, host, port, what):
    """Binds a ROUTER to tcp://HOST:PORT (port "0": a free one) and returns the bound endpoint; closes the
    socket and raises ExperienceError naming `what` and the address when it cannot."""
    import zmq
    try:
        if port == "0":
            return f"tcp://{host}:{sock.bind_to_random_port(f'tcp://{host}')}"
        sock.bind(f"tcp://{host}:{port}")
        return f"tcp://{host}:{port}"
    except zmq.ZMQError as e:
        sock.close()
        raise ExperienceError(f"cannot bind {what} to tcp://{host}:{port}: {e}") from None


@dataclasses.dataclass
class Trajectory:
    """One rollout fragment of one sub-env (see the Java record dev.gym4j.bridge.experience.Trajectory)."""
    experiment: str
    worker_id: str
    sequence: int
    policy_version: int
    env_id: str
    episode_id: int
    observations: np.ndarray      # [T, obs...]
    actions: np.ndarray           # [T, act...]
    rewards: np.ndarray           # float32 [T]
    terminated: np.ndarray        # bool [T]
    truncated: np.ndarray         # bool [T]
    last_observation: np.ndarray  # [obs...]
    extras: dict                  # name -> [T, ...], e.g. "logprob", "value"
    _token: object = dataclasses.field(default=None, repr=False, compare=False)

    @property
    def key(self):
        return (self.worker_id, self.sequence)

    def __len__(self):
        return int(self.rewards.shape[0])


def decode_trajectory(data):
    """A Trajectory from the bytes of a Trajectory message; raises ExperienceError naming what is wrong."""
    m = pb.Trajectory()
    try:
        m.ParseFromString(data)
    except Exception as e:  # DecodeError
        raise ExperienceError(f"not a Trajectory message ({len(data)} bytes): {e}") from None
    if m.protocol_version != PROTOCOL_VERSION:
        raise ExperienceError(f"Trajectory message of protocol version {m.protocol_version}: this library reads "
                              f"version {PROTOCOL_VERSION} only")
    try:
        obs, act, rew = from_tensor(m.observations), from_tensor(m.actions), from_tensor(m.rewards)
        term, trunc = from_tensor(m.terminated), from_tensor(m.truncated)
        last = from_tensor(m.last_observation)
        extras = {e.name: from_tensor(e.tensor) for e in m.extras}
    except ProtocolError as e:
        raise ExperienceError(f"invalid Trajectory message {m.worker_id}#{m.sequence}: {e}") from None
    t = rew.shape[0] if rew.ndim == 1 else -1
    if t < 0 or obs.shape[:1] != (t,) or act.shape[:1] != (t,) or term.shape != (t,) or trunc.shape != (t,):
        raise ExperienceError(f"invalid Trajectory message {m.worker_id}#{m.sequence}: fields of different lengths")
    return Trajectory(m.experiment, m.worker_id, m.sequence, m.policy_version, m.env_id, m.episode_id, obs, act,
                      rew, term, trunc, last, extras)


@dataclasses.dataclass
class Batch:
    """Trajectories concatenated along time: arrays of T_total rows, plus the trajectories themselves."""
    observations: np.ndarray
    actions: np.ndarray
    rewards: np.ndarray
    terminated: np.ndarray
    truncated: np.ndarray
    policy_versions: np.ndarray   # int64 [T_total], the version that chose each action
    extras: dict
    trajectories: list


def _batch(trajs):
    cat = lambda f: np.concatenate([f(t) for t in trajs])
    names = set(trajs[0].extras)
    for t in trajs[1:]:
        names &= set(t.extras)
    return Batch(cat(lambda t: t.observations), cat(lambda t: t.actions), cat(lambda t: t.rewards),
                 cat(lambda t: t.terminated), cat(lambda t: t.truncated),
                 cat(lambda t: np.full(len(t), t.policy_version, dtype=np.int64)),
                 {n: cat(lambda t, n=n: t.extras[n]) for n in sorted(names)}, list(trajs))


class _Dedup:
    def __init__(self):
        self._floor = {}
        self._above = {}

    def add(self, key):
        w, s = key
        floor = self._floor.get(w, 0)
        above = self._above.setdefault(w, set())
        if s < floor or s in above:
            return False
        above.add(s)
        while floor in above:
            above.remove(floor)
            floor += 1
        self._floor[w] = floor
        return True


class ExperienceReader:
    """The trainer's end: yields every trajectory once, in arrival order.

    ``reader.poll(timeout)`` returns the next Trajectory (or None), ``reader.ack(t)`` acknowledges it once it is
    consumed (a trajectory polled but not acknowledged is delivered again after a crash), ``reader.read_batch(n)``
    polls up to n and returns a Batch of NumPy arrays, and iterating yields trajectories. Not thread-safe.
    """

    def __init__(self, uri, experiment=None, *, window=256, group=DEFAULT_GROUP, consumer=None, claim_idle_ms=30000):
        if uri.startswith("zmq://") or uri.startswith("tcp://"):
            self._impl = _ZmqReader(uri, experiment or "gym4j", window)
        elif uri.startswith("redis://") or uri.startswith("rediss://"):
            self._impl = _RedisReader(uri, experiment, group, consumer, claim_idle_ms)
        else:
            raise ExperienceError(f"unknown experience transport '{uri}': expected zmq://HOST:PORT or "
                                  "redis://[user:password@]HOST:PORT/EXPERIMENT")

    @property
    def endpoint(self):
        return getattr(self._impl, "endpoint", None)

    @property
    def rejected(self):
        return self._impl.rejected

    def poll(self, timeout=1.0):
        return self._impl.poll(timeout)

    def ack(self, trajectory):
        self._impl.ack(trajectory)

    def read_batch(self, max_trajectories, timeout=1.0, ack=True):
        """Polls up to max_trajectories (waiting at most timeout for the first); None if nothing came."""
        first = self.poll(timeout)
        if first is None:
            return None
        trajs = [first]
        while len(trajs) < max_trajectories:
            t = self.poll(0)
            if t is None:
                break
            trajs.append(t)
        if ack:
            for t in trajs:
                self.ack(t)
        return _batch(trajs)

    def __iter__(self):
        while True:
            t = self.poll(1.0)
            if t is not None:
                yield t

    def close(self):
        self._impl.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class _ZmqReader:
    def __init__(self, uri, experiment, window):
        import zmq
        self._zmq = zmq
        rest = uri.split("://", 1)[1].split("?", 1)
        if len(rest) > 1:
            opts = dict(urllib.parse.parse_qsl(rest[1]))
            window = int(opts.get("window", window))
        host, port = rest[0].rsplit(":", 1)
        self.experiment = experiment
        self._window = window
        self._session = secrets.randbits(63) or 1
        self._sock = zmq.Context.instance().socket(zmq.ROUTER)
        self._sock.setsockopt(zmq.LINGER, 0)
        self._sock.setsockopt(zmq.RCVHWM, 100000)
        self.endpoint = _bind(self._sock, host, port, "the experience reader")
        self._dedup = _Dedup()
        self._ids = {}
        self._acks = {}
        self._buffer = []
        self.rejected = 0

    def _reply(self, ident, msg):
        try:
            self._sock.send_multipart([ident, msg.SerializeToString()], flags=self._zmq.DONTWAIT)
        except self._zmq.Again:
            pass

    def _refuse(self, ident, code, message):
        self.rejected += 1
        print(f"gym4j: the experience reader on {self.endpoint} refused a message: {message}", file=sys.stderr)
        self._reply(ident, pb.ExperienceReply(error=pb.Error(code=code, message=message)))

    def _handle(self, frames):
        ident, payload = frames[0], frames[-1]
        m = pb.ExperienceMessage()
        try:
            m.ParseFromString(payload)
        except Exception as e:
            self._refuse(ident, pb.ERROR_CODE_BAD_MESSAGE, f"not an ExperienceMessage ({len(payload)} bytes): {e}")
            return
        kind = m.WhichOneof("body")
        if kind == "hello":
            h = m.hello
            if h.protocol_version != PROTOCOL_VERSION:
                self._refuse(ident, pb.ERROR_CODE_UNSUPPORTED_VERSION, f"worker '{h.worker_id}' speaks protocol "
                             f"version {h.protocol_version}; this trainer speaks version {PROTOCOL_VERSION}")
                return
            if h.experiment != self.experiment:
                self._refuse(ident, pb.ERROR_CODE_INVALID_ARGUMENT,
                             f"this trainer takes experiment '{self.experiment}', not '{h.experiment}'")
                return
            self._ids[h.worker_id] = ident
            self._reply(ident, pb.ExperienceReply(hello=pb.TrainerHello(
                protocol_version=PROTOCOL_VERSION, session=self._session, credit=self._window)))
        elif kind == "trajectory":
            try:
                t = decode_trajectory(m.trajectory.SerializeToString())
            except ExperienceError as e:
                self._refuse(ident, pb.ERROR_CODE_BAD_MESSAGE, str(e))
                return
            if t.experiment != self.experiment:
                self._refuse(ident, pb.ERROR_CODE_INVALID_ARGUMENT,
                             f"this trainer takes experiment '{self.experiment}', not '{t.experiment}'")
                return
            self._ids[t.worker_id] = ident
            if not self._dedup.add(t.key):
                self._acks.setdefault(t.worker_id, []).append(t.sequence)
                return
            self._buffer.append(t)
        else:
            self._refuse(ident, pb.ERROR_CODE_BAD_MESSAGE, "an ExperienceMessage without a body")

    def _flush_acks(self):
        for w, seqs in self._acks.items():
            ident = self._ids.get(w)
            if ident is not None:
                self._reply(ident, pb.ExperienceReply(ack=pb.ExperienceAck(sequences=seqs)))
        self._acks.clear()

    def poll(self, timeout):
        deadline = time.monotonic() + (timeout or 0)
        while True:
            self._flush_acks()
            if self._buffer:
                return self._buffer.pop(0)
            left = deadline - time.monotonic()
            if not self._sock.poll(max(0, int(min(left, 0.1) * 1000))):
                if left <= 0:
                    return None
                continue
            while True:
                try:
                    frames = self._sock.recv_multipart(flags=self._zmq.DONTWAIT)
                except self._zmq.Again:
                    break
                self._handle(frames)

    def ack(self, t):
        self._acks.setdefault(t.worker_id, []).append(t.sequence)
        if not self._buffer or len(self._acks[t.worker_id]) >= 64:
            self._flush_acks()

    def close(self):
        self._flush_acks()
        self._sock.close()


def _redis_client(uri):
    try:
        import redis
    except ImportError:
        raise ExperienceError("redis:// needs the 'redis' package (pip install redis)") from None
    u = urllib.parse.urlparse(uri)
    password = urllib.parse.unquote(u.password) if u.password else os.environ.get("GYM4J_REDIS_PASSWORD") or None
    user = urllib.parse.unquote(u.username) if u.username else None
    client = redis.Redis(host=u.hostname, port=u.port or 6379, username=user, password=password,
                         ssl=u.scheme == "rediss", socket_connect_timeout=5, socket_timeout=15)
    where = f"{u.hostname}:{u.port or 6379}"
    try:
        client.ping()
    except redis.AuthenticationError as e:
        raise ExperienceError(f"Redis at {where} refused the credentials: {e}") from None
    except redis.ResponseError as e:
        raise ExperienceError(f"Redis at {where} answered an error: {e}") from None
    except redis.ConnectionError as e:
        raise ExperienceError(f"cannot reach Redis at {where}: {e}") from None
    path = u.path.lstrip("/")
    return client, (urllib.parse.unquote(path) if path else None), dict(urllib.parse.parse_qsl(u.query)), where


class _RedisReader:
    def __init__(self, uri, experiment, group, consumer, claim_idle_ms):
        import redis
        self._redis = redis
        self._r, in_uri, opts, self.endpoint = _redis_client(uri)
        if experiment and in_uri and experiment != in_uri:
            raise ExperienceError(f"the Redis address names experiment '{in_uri}' but '{experiment}' was asked for")
        self.experiment = experiment or in_uri
        if not self.experiment:
            raise ExperienceError("no experiment: give it in the address, redis://HOST:PORT/EXPERIMENT")
        self._stream = f"gym4j:{self.experiment}:trajectories"
        self._group = opts.get("group", group)
        self._consumer = opts.get("consumer", consumer or f"{socket.gethostname()}-{os.getpid()}-py")
        self._claim_idle = int(opts.get("claim-idle-ms", claim_idle_ms))
        try:
            self._r.xgroup_create(self._stream, self._group, id="0", mkstream=True)
        except redis.ResponseError as e:
            if "BUSYGROUP" not in str(e):
                raise
        self._dedup = _Dedup()
        self._ids = {}
        self._buffer = []
        self._own = "0"
        self._claim_cursor = "0-0"
        self._next_claim = 0.0
        self._next_trim = 0.0
        self.rejected = 0

    def _accept(self, entry_id, fields):
        entry_id = entry_id.decode() if isinstance(entry_id, bytes) else entry_id
        data = (fields or {}).get(b"t")
        if data is None:
            self._r.xack(self._stream, self._group, entry_id)
            return
        try:
            t = decode_trajectory(data)
            if t.experiment != self.experiment:
                raise ExperienceError(f"trajectory of experiment '{t.experiment}' in the stream of '{self.experiment}'")
        except ExperienceError as e:
            self.rejected += 1
            print(f"gym4j: rejected entry {entry_id} of {self._stream}: {e}", file=sys.stderr)
            self._r.xadd(f"gym4j:{self.experiment}:rejected", {"id": entry_id, "reason": str(e), "t": data},
                         maxlen=10000, approximate=True)
            self._r.xack(self._stream, self._group, entry_id)
            return
        if not self._dedup.add(t.key):
            self._r.xack(self._stream, self._group, entry_id)
            return
        t._token = entry_id
        self._buffer.append(t)

    def _read(self, start, block=None):
        reply = self._r.xreadgroup(self._group, self._consumer, {self._stream: start}, count=256, block=block)
        entries = reply[0][1] if reply else []
        for entry_id, fields in entries:
            self._accept(entry_id, fields)
        return entries

    def _trim(self):
        safe = None
        for g in self._r.xinfo_groups(self._stream):
            last = g["last-delivered-id"]
            last = last.decode() if isinstance(last, bytes) else last
            ms, seq = (int(x) for x in last.split("-"))
            need = (ms, seq + 1)
            if g["pending"]:
                lo = self._r.xpending(self._stream, g["name"])["min"]
                lo = lo.decode() if isinstance(lo, bytes) else lo
                lo = tuple(int(x) for x in lo.split("-"))
                need = min(need, lo)
            safe = need if safe is None else min(safe, need)
        if safe and safe > (0, 0):
            self._r.execute_command("XTRIM", self._stream, "MINID", f"{safe[0]}-{safe[1]}")

    def poll(self, timeout):
        deadline = time.monotonic() + (timeout or 0)
        while True:
            now = time.monotonic()
            if now >= self._next_trim:
                self._trim()
                self._next_trim = now + 1
            if self._buffer:
                return self._buffer.pop(0)
            if self._own is not None:
                entries = self._read(self._own)
                self._own = None if not entries else entries[-1][0]
                continue
            if now >= self._next_claim:
                self._next_claim = now + max(0.1, self._claim_idle / 4000)
                reply = self._r.xautoclaim(self._stream, self._group, self._consumer, self._claim_idle,
                                           start_id=self._claim_cursor, count=256)
                self._claim_cursor = reply[0]
                for entry_id, fields in reply[1]:
                    self._accept(entry_id, fields)
                if self._buffer:
                    continue
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            self._read(">", block=max(1, int(min(left, 0.5) * 1000)))

    def ack(self, t):
        if t._token is not None:
            self._r.xack(self._stream, self._group, t._token)
            t._token = None

    def close(self):
        self._r.close()


# ---------------------------------------------------------------------------------------------- policies

_PUBLISH = """
local cur = tonumber(redis.call('GET', KEYS[1]) or '0')
local v = tonumber(ARGV[1])
if v <= cur then return cur end
redis.call('SET', KEYS[2], ARGV[2])
redis.call('SET', KEYS[1], ARGV[1])
local keep = tonumber(ARGV[4])
if cur > 0 and keep > 0 and v - keep >= 1 then
  for old = math.max(1, cur - keep), v - keep do redis.call('DEL', ARGV[3] .. old) end
end
redis.call('PUBLISH', KEYS[3], ARGV[1])
return -1
"""


class PolicyPublisher:
    """Publishes ONNX policies for gym4j workers, to ``dir:/path`` (or a plain path), ``redis://HOST:PORT`` or
    ``zmq://HOST:PORT`` (the publisher binds there, loopback unless told ``zmq://0.0.0.0:PORT``, and serves the
    latest version from a thread until ``close()``; workers give the same address as ``--policy-store``).

    ``publish(model, observation_space, action_space, metadata=None, version=None)``: model is ONNX bytes or a
    path (a ``.json`` beside it is read as the metadata unless metadata is given); the spaces are Gymnasium spaces
    (or gym4j_bridge.spaces); version defaults to the latest plus one. Returns the version number.
    """

    def __init__(self, uri, experiment, keep=5):
        self.experiment = experiment
        self._keep = keep
        self._zmq = None
        if uri.startswith("zmq://") or uri.startswith("tcp://"):
            self._zmq = _ZmqPolicyServer(uri, experiment)
            self._r = None
            self._dir = None
        elif uri.startswith("redis://") or uri.startswith("rediss://"):
            self._r, _, _, self._where = _redis_client(uri)
            self._dir = None
        else:
            path = uri[4:] if uri.startswith("dir:") else uri[5:] if uri.startswith("file:") else uri
            if "://" in path:
                raise ExperienceError(f"unknown policy store '{uri}': expected dir:/path, redis://HOST:PORT or "
                                      "zmq://HOST:PORT")
            self._r = None
            self._dir = os.path.join(path, experiment)
            os.makedirs(self._dir, exist_ok=True)

    @property
    def endpoint(self):
        """The bound address (tcp://HOST:PORT) of a zmq:// publisher, else None."""
        return self._zmq.endpoint if self._zmq is not None else None

    def latest_version(self):
        if self._zmq is not None:
            return self._zmq.latest_version()
        if self._r is not None:
            v = self._r.get(f"gym4j:{self.experiment}:policy:latest")
            return int(v) if v else 0
        try:
            with open(os.path.join(self._dir, "LATEST")) as f:
                return int(f.read().strip() or 0)
        except FileNotFoundError:
            return 0

    def publish(self, model, observation_space, action_space, metadata=None, version=None):
        if isinstance(model, (str, os.PathLike)):
            path = os.fspath(model)
            with open(path, "rb") as f:
                model_bytes = f.read()
            beside = os.path.splitext(path)[0] + ".json"
            if metadata is None and os.path.exists(beside):
                with open(beside) as f:
                    metadata = json.load(f)
        else:
            model_bytes = bytes(model)
        meta = metadata if isinstance(metadata, str) else json.dumps(metadata or {})
        version = version or self.latest_version() + 1
        now = time.time_ns()
        msg = pb.PolicyVersion(protocol_version=PROTOCOL_VERSION, experiment=self.experiment, version=version,
                               format="onnx", model=model_bytes, sha256=hashlib.sha256(model_bytes).hexdigest(),
                               created_at_seconds=now // 10**9, created_at_nanos=now % 10**9, metadata_json=meta)
        msg.observation_space.CopyFrom(observation_space if isinstance(observation_space, pb.Space)
                                       else space_to_wire(observation_space))
        msg.action_space.CopyFrom(action_space if isinstance(action_space, pb.Space) else space_to_wire(action_space))
        data = msg.SerializeToString()
        if self._zmq is not None:
            self._zmq.publish(msg)
            return version
        if self._r is not None:
            k = f"gym4j:{self.experiment}:policy:"
            result = self._r.eval(_PUBLISH, 3, k + "latest", k + f"v{version}", f"gym4j:{self.experiment}:policy",
                                  version, data, k + "v", self._keep)
            if result >= 0:
                raise ExperienceError(f"policy version {version} of experiment '{self.experiment}' is not newer "
                                      f"than the latest, {result}")
            return version
        self._publish_dir(version, model_bytes, meta, data)
        return version

    def _publish_dir(self, version, model_bytes, meta, data):
        import fcntl
        import shutil
        with open(os.path.join(self._dir, ".lock"), "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            current = self.latest_version()
            if version <= current:
                raise ExperienceError(f"policy version {version} of experiment '{self.experiment}' is not newer than "
                                      f"the latest, {current}")
            tmp = tempfile.mkdtemp(prefix=f".tmp-v{version:012d}-", dir=self._dir)
            for name, content in (("policy.onnx", model_bytes), ("policy.json", meta.encode()), ("policy.pb", data)):
                with open(os.path.join(tmp, name), "wb") as f:
                    f.write(content)
                    f.flush()
                    os.fsync(f.fileno())
            target = os.path.join(self._dir, f"v{version:012d}")
            if os.path.exists(target):
                shutil.rmtree(target)
            os.rename(tmp, target)
            fd, index = tempfile.mkstemp(prefix=".tmp-LATEST-", dir=self._dir)
            with os.fdopen(fd, "w") as f:
                f.write(f"{version}\n")
                f.flush()
                os.fsync(f.fileno())
            os.replace(index, os.path.join(self._dir, "LATEST"))
            for name in os.listdir(self._dir):
                if name.startswith("v") and len(name) == 13 and name[1:].isdigit() and int(name[1:]) <= version - self._keep:
                    shutil.rmtree(os.path.join(self._dir, name), ignore_errors=True)

    def set_minimum_version(self, version):
        if self._zmq is not None:
            self._zmq.set_minimum(version)
            return
        if self._r is not None:
            key = f"gym4j:{self.experiment}:policy:minimum"
            self._r.eval("local c = tonumber(redis.call('GET', KEYS[1]) or '0') "
                         "if tonumber(ARGV[1]) > c then redis.call('SET', KEYS[1], ARGV[1]) end return 0", 1, key,
                         version)
            return
        path = os.path.join(self._dir, "MINIMUM")
        try:
            with open(path) as f:
                if int(f.read().strip() or 0) >= version:
                    return
        except FileNotFoundError:
            pass
        fd, tmp = tempfile.mkstemp(prefix=".tmp-MINIMUM-", dir=self._dir)
        with os.fdopen(fd, "w") as f:
            f.write(f"{version}\n")
        os.replace(tmp, path)

    def close(self):
        if self._r is not None:
            self._r.close()
        if self._zmq is not None:
            self._zmq.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class _ZmqPolicyServer:
    """The publisher's end of the ZeroMQ policy store (PROTOCOL.md, "Policies"): a ROUTER served by a thread.

    Holds the latest version and the minimum of its experiment in memory, answers each PolicyStoreRequest with
    the state (and the policy for a fetch newer than the client's), and pushes the state to every client that
    watched in the last 30 s when a version is published or the minimum raised. Only the thread touches the socket.
    """

    WATCH_TTL = 30.0

    def __init__(self, uri, experiment):
        import threading
        import zmq
        self._zmq = zmq
        rest = uri.split("://", 1)[1].split("?", 1)[0]
        host, port = rest.rsplit(":", 1)
        self.experiment = experiment
        self._sock = zmq.Context.instance().socket(zmq.ROUTER)
        self._sock.setsockopt(zmq.LINGER, 0)
        self.endpoint = _bind(self._sock, host, port, "the policy store")
        self._lock = threading.Lock()
        self._latest = None       # the PolicyVersion message
        self._minimum = 0
        self._watchers = {}       # identity -> when last heard
        self._dirty = False
        self._closed = False
        self._strangers = set()
        self.rejected = 0
        self._thread = threading.Thread(target=self._run, name="gym4j-policy-store", daemon=True)
        self._thread.start()

    def latest_version(self):
        with self._lock:
            return self._latest.version if self._latest is not None else 0

    def publish(self, msg):
        with self._lock:
            current = self._latest.version if self._latest is not None else 0
            if msg.version <= current:
                raise ExperienceError(f"policy version {msg.version} of experiment '{self.experiment}' is not newer "
                                      f"than the latest, {current}")
            self._latest = msg
            self._dirty = True

    def set_minimum(self, version):
        with self._lock:
            if version > self._minimum:
                self._minimum = version
                self._dirty = True

    def _state(self, request_id, experiment):
        r = pb.PolicyStoreReply(request_id=request_id, experiment=experiment)
        if experiment == self.experiment:
            r.latest_version = self._latest.version if self._latest is not None else 0
            r.minimum_version = self._minimum
        return r

    def _send(self, ident, reply):
        try:
            self._sock.send_multipart([ident, reply.SerializeToString()], flags=self._zmq.DONTWAIT)
        except self._zmq.Again:
            pass  # a client that stopped reading: it asks again

    def _refuse(self, ident, request_id, experiment, code, message):
        self.rejected += 1
        print(f"gym4j: the policy store on {self.endpoint} refused a request: {message}", file=sys.stderr)
        with self._lock:
            r = self._state(request_id, experiment)
        r.error.code = code
        r.error.message = message
        self._send(ident, r)

    def _handle(self, ident, payload):
        m = pb.PolicyStoreRequest()
        try:
            m.ParseFromString(payload)
        except Exception as e:  # DecodeError
            self._refuse(ident, 0, "", pb.ERROR_CODE_BAD_MESSAGE, f"not a PolicyStoreRequest ({len(payload)} bytes): {e}")
            return
        if m.protocol_version != PROTOCOL_VERSION:
            self._refuse(ident, m.request_id, "", pb.ERROR_CODE_UNSUPPORTED_VERSION,
                         f"a policy store request of protocol version {m.protocol_version}; this store speaks "
                         f"version {PROTOCOL_VERSION}")
            return
        if m.experiment != self.experiment and m.experiment not in self._strangers:
            # Not an error (the answer is "nothing published"), but likely a typo: say so once.
            self._strangers.add(m.experiment)
            print(f"gym4j: the policy store on {self.endpoint} serves experiment '{self.experiment}', "
                  f"a client asked for '{m.experiment}'", file=sys.stderr)
        kind = m.WhichOneof("body")
        if kind == "publish":
            p = m.publish
            problem = None
            if p.experiment != m.experiment or p.experiment != self.experiment:
                problem = f"this store publishes experiment '{self.experiment}', not '{p.experiment}'"
            elif p.protocol_version != PROTOCOL_VERSION:
                problem = f"PolicyVersion message of protocol version {p.protocol_version}"
            elif hashlib.sha256(p.model).hexdigest() != p.sha256:
                problem = f"policy v{p.version}: checksum mismatch"
            if problem is None:
                try:
                    self.publish(p)
                except ExperienceError as e:
                    problem = str(e)
            if problem is not None:
                self._refuse(ident, m.request_id, m.experiment, pb.ERROR_CODE_INVALID_ARGUMENT, problem)
                return
        elif kind == "set_minimum":
            self.set_minimum(m.set_minimum.version)
        elif kind not in ("watch", "fetch"):
            self._refuse(ident, m.request_id, m.experiment, pb.ERROR_CODE_BAD_MESSAGE,
                         "a PolicyStoreRequest without a body")
            return
        with self._lock:
            if m.experiment == self.experiment:
                self._watchers[ident] = time.monotonic()
            r = self._state(m.request_id, m.experiment)
            if (kind == "fetch" and m.experiment == self.experiment and self._latest is not None
                    and self._latest.version > m.fetch.after_version):
                r.policy.CopyFrom(self._latest)
        self._send(ident, r)

    def _push(self):
        with self._lock:
            if not self._dirty:
                return
            self._dirty = False
            now = time.monotonic()
            self._watchers = {i: t for i, t in self._watchers.items() if now - t < self.WATCH_TTL}
            notice = self._state(0, self.experiment)
            idents = list(self._watchers)
        for ident in idents:
            self._send(ident, notice)

    def _run(self):
        while not self._closed:
            try:
                if self._sock.poll(20):
                    while True:
                        try:
                            frames = self._sock.recv_multipart(flags=self._zmq.DONTWAIT)
                        except self._zmq.Again:
                            break
                        if len(frames) >= 2:
                            self._handle(frames[0], frames[-1])
                self._push()
            except self._zmq.ZMQError:
                if self._closed:
                    break
                raise
        self._sock.close()

    def close(self):
        self._closed = True
        self._thread.join(2)
