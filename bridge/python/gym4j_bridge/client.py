"""Clients: RemoteEnv and RemoteVectorEnv use an env served over the gym4j bridge (e.g. `gym4j serve`)."""
import itertools
import os
import time

import numpy as np
import zmq

from . import actions
from . import bridge_pb2 as pb
from . import codec
from . import shm as _shm
from ._compat import HAVE_GYMNASIUM, Env, VectorEnv

DEFAULT_TIMEOUT = 30.0
DEFAULT_MAX_MESSAGE_SIZE = 64 << 20
# ZeroMQ (ZMTP 3.1) heartbeats: a PING every HEARTBEAT_IVL, the link dropped after HEARTBEAT_TIMEOUT of silence.
# The peer's ZeroMQ I/O thread answers them, not its env: a slow env step is waited for, a dead or stopped
# server is noticed within about HEARTBEAT_TIMEOUT.
HEARTBEAT_IVL = 0.5
HEARTBEAT_TIMEOUT = 1.5
# After a lost link, a call waits at most this long for the server to answer again before it fails.
RECONNECT_WINDOW = 1.5
# A call waits for its reply in a blocking receive of at most this long at a time (the cheapest wait pyzmq
# has, with the GIL released), and looks at the socket's connection events between two.
WAIT_SLICE = 0.1
# A call that comes within this long of the previous reply skips looking at the connection events first
# (a look costs ~10 us, as much as the rest of a step); a wait for the reply still looks at them.
_EVENTS_GAP = 0.05
_ZMQ_EVENTS = int(zmq.EVENTS)
_POLLIN = int(zmq.POLLIN)


class BridgeError(RuntimeError):
    """An error reply from the server (code is the ErrorCode name, e.g. "INVALID_ACTION") or a failed call."""

    def __init__(self, message, code="UNSPECIFIED", address=None):
        super().__init__(message if address is None else f"{message} [{code} from {address}]")
        self.code = code
        self.address = address


class BridgeTimeout(BridgeError):
    """No reply within the call's timeout: the server is gone, overloaded or unreachable."""


class BridgeConnectionLost(BridgeTimeout):
    """The link to the server broke (it died, or stopped answering ZeroMQ heartbeats) before the reply came."""


def _error_name(code):
    return pb.ErrorCode.Name(code).replace("ERROR_CODE_", "")


class Connection:
    """Lazy-pirate request/reply over a DEALER socket: one request, wait at most `timeout` for the reply
    with the same id; on timeout the socket is discarded, so a late reply is never taken for the next one.

    Liveness: the socket sends ZeroMQ heartbeats and watches its own connection events. When the link
    breaks while a reply is awaited (the server was killed, or is stopped and its ZeroMQ stack no longer
    answers heartbeats), the call fails at once with BridgeConnectionLost naming the address, instead of
    waiting for the timeout; a slow env step on a live server is waited for, up to the timeout. After a
    lost link, later calls wait at most RECONNECT_WINDOW for the server to answer again (a restarted server
    is picked up) before they fail.
    """

    def __init__(self, address, timeout=DEFAULT_TIMEOUT, max_message_size=DEFAULT_MAX_MESSAGE_SIZE,
                 curve_server_key=None, context=None, shm=None):
        self.address = address
        # The same-host fast path: asked for in Hello on a loopback link unless turned off (shm=False, GYM4J_SHM=0).
        self.shm_wanted = (_shm.enabled_by_default() if shm is None else bool(shm)) and _shm.same_host(address)
        self.shm = None
        self.timeout = float(timeout)
        self.max_message_size = int(max_message_size)
        self.curve_server_key = curve_server_key
        self._context = context or zmq.Context.instance()
        self._socket = None
        self._monitor = None
        self._ids = itertools.count(1)
        self._poller = None
        self._lost = False
        self._rcvtimeo = None
        self._last_reply = float("-inf")

    def _open(self):
        s = self._context.socket(zmq.DEALER)
        s.setsockopt(zmq.LINGER, 0)
        s.setsockopt(zmq.MAXMSGSIZE, self.max_message_size)
        s.setsockopt(zmq.HEARTBEAT_IVL, int(HEARTBEAT_IVL * 1000))
        s.setsockopt(zmq.HEARTBEAT_TIMEOUT, int(HEARTBEAT_TIMEOUT * 1000))
        if self.curve_server_key:
            public, secret = zmq.curve_keypair()
            s.curve_publickey = public
            s.curve_secretkey = secret
            s.curve_serverkey = self.curve_server_key.encode("ascii") if isinstance(self.curve_server_key, str) \
                else self.curve_server_key
        self._monitor = s.get_monitor_socket(zmq.EVENT_DISCONNECTED)
        s.connect(self.address)
        self._socket = s
        self._rcvtimeo = None
        self._poller = zmq.Poller()
        self._poller.register(s, zmq.POLLIN)
        self._poller.register(self._monitor, zmq.POLLIN)

    def _disconnected(self):
        """Whether the socket's link broke since the last look (reads the pending connection events)."""
        broke = False
        while self._monitor.get(_ZMQ_EVENTS) & _POLLIN:  # cheaper than poll(0)
            frames = self._monitor.recv_multipart()
            broke |= int.from_bytes(frames[0][:2], "little") == zmq.EVENT_DISCONNECTED
        return broke

    def _drop_shm(self):
        if self.shm is not None:
            self.shm.close()
            self.shm = None

    def drop(self):
        self._drop_shm()
        if self._socket is not None:
            try:
                self._socket.disable_monitor()
            except zmq.ZMQError:
                pass
            self._monitor.close(0)
            self._socket.close(0)
            self._socket = None
            self._monitor = None

    def _open_verified(self, deadline, limit, what):
        # A fresh socket is checked with a Ping (safe to repeat, unlike a step) before the real request:
        # each silent attempt throws its socket away and tries a new one, with a doubling wait.
        attempt = 0.25
        while True:
            self._open()
            ping = pb.Request(id=next(self._ids))
            ping.ping.SetInParent()
            self._socket.send(ping.SerializeToString())
            end = min(deadline, time.monotonic() + attempt)
            while True:
                left = end - time.monotonic()
                if left <= 0 or not self._poller.poll(int(left * 1000) + 1):
                    if time.monotonic() < end:
                        continue
                    break
                if not self._socket.poll(0):
                    self._disconnected()  # a connection event: the ping is re-sent on a fresh socket if unanswered
                    continue
                reply = pb.Response()
                try:
                    reply.ParseFromString(self._socket.recv())
                except Exception as e:  # noqa: BLE001
                    self.drop()
                    raise BridgeError(f"the reply from {self.address} is not a Response: {e}")
                if reply.id in (ping.id, 0):
                    self._lost = False
                    return
            self.drop()
            if time.monotonic() >= deadline:
                if self._lost:
                    raise BridgeConnectionLost(f"lost the connection to {self.address} and it did not answer again "
                                               f"within {limit:g} s, before {what} (the server died or hung)",
                                               "CONNECTION_LOST", None)
                raise BridgeTimeout(f"no reply from {self.address} within {limit:g} s to {what} (is the server running?)",
                                    "TIMEOUT", None)
            attempt *= 2

    def call(self, request, timeout=None):
        """Sends `request` (its id is set here) and returns the Response with the same id."""
        limit = self.timeout if timeout is None else timeout
        what = request.WhichOneof("body")
        if what == "hello":
            self._drop_shm()  # a new handshake ends the server's session and its file
            if self.shm_wanted and _shm.CAPABILITY not in request.hello.capabilities:
                request.hello.capabilities.append(_shm.CAPABILITY)
        elif self.shm is not None:
            request.id = next(self._ids)
            if self.shm.fits(request.ByteSize()):
                try:
                    return self.shm.call(request, limit)
                except BridgeError:
                    self.drop()  # a late reply must never be read as the next one's: start afresh over ZeroMQ
                    self._lost = True
                    raise
        reply = self._call_zmq(request, limit, what)
        if what == "hello" and self.shm_wanted and reply.WhichOneof("body") == "hello" and reply.hello.HasField("shm"):
            self._attach_shm(reply.hello.shm, limit)
        return reply

    def _attach_shm(self, offer, limit):
        try:
            channel = _shm.ShmChannel(offer.path, offer.slot_size, self.address)
        except _shm.ShmError:
            return  # not a usable file: stay on ZeroMQ
        req = pb.Request()
        req.shm_attach.nonce = channel.nonce
        req.shm_attach.pid = os.getpid()
        reply = self._call_zmq(req, limit, "shm_attach")
        if reply.WhichOneof("body") == "shm_attached":
            self.shm = channel
        else:
            channel.close()

    def step_raw(self, action):
        """A step in the shared-memory raw layout; the caller checked that self.shm.raw holds."""
        try:
            return self.shm.step_raw(action, self.timeout)
        except BridgeError:
            self.drop()
            self._lost = True
            raise

    def _call_zmq(self, request, limit, what):
        start = time.monotonic()
        self._ready(start, limit, what)
        request.id = next(self._ids)
        return self._exchange(request.SerializeToString(), request.id, what, start, limit)

    def call_serialized(self, body, what, timeout=None):
        """As call() for a Request already serialized without its id (`body`, e.g. from codec.field)."""
        limit = self.timeout if timeout is None else timeout
        start = time.monotonic()
        self._ready(start, limit, what)
        request_id = next(self._ids)
        return self._exchange(body + codec.id_field(request_id), request_id, what, start, limit)

    def _ready(self, start, limit, what):
        if self._socket is not None and start - self._last_reply > _EVENTS_GAP and self._disconnected():
            self.drop()  # the server went away since the last call: find out now whether it is back
            self._lost = True
        if self._socket is None:
            window = min(limit, RECONNECT_WINDOW) if self._lost else limit
            self._open_verified(start + window, window, what)

    def _exchange(self, data, request_id, what, start, limit):
        sock = self._socket
        sock.send(data)
        deadline = start + limit
        while True:
            left = deadline - time.monotonic()
            wait = int(min(left, WAIT_SLICE) * 1000) + 1 if left > 0 else 0
            if wait != self._rcvtimeo:
                sock.setsockopt(zmq.RCVTIMEO, wait)
                self._rcvtimeo = wait
            try:
                raw = sock.recv() if wait > 0 else sock.recv(zmq.NOBLOCK)
            except zmq.Again:
                if self._disconnected():
                    self.drop()
                    self._lost = True
                    raise BridgeConnectionLost(f"lost the connection to {self.address} while waiting for the reply to "
                                               f"{what} (the server died, or stopped answering heartbeats for "
                                               f"{HEARTBEAT_TIMEOUT:g} s)", "CONNECTION_LOST", None)
                if time.monotonic() < deadline:
                    continue
                self.drop()
                raise BridgeTimeout(f"no reply from {self.address} within {limit:g} s to "
                                    f"{what} (is the server running?)", "TIMEOUT", None)
            reply = pb.Response()
            try:
                reply.ParseFromString(raw)
            except Exception as e:  # noqa: BLE001 - any decode failure is a protocol error
                self.drop()
                raise BridgeError(f"the reply from {self.address} is not a Response: {e}")
            if reply.id == request_id or (reply.id == 0 and reply.HasField("error")):
                self._last_reply = time.monotonic()
                return reply
            # a late reply to an earlier, timed-out call: ignore it

    def close(self):
        self.drop()


def _check(reply, expected, address):
    body = reply.WhichOneof("body")
    if body == "error":
        raise BridgeError(reply.error.message, _error_name(reply.error.code), address)
    if body != expected:
        raise BridgeError(f"expected a {expected} reply from {address}, got {body}")
    return getattr(reply, expected)


def _hello(env_id, kwargs, num_envs=0):
    req = pb.Request()
    h = req.hello
    h.protocol_version = codec.PROTOCOL_VERSION
    h.capabilities.extend(codec.CAPABILITIES)
    h.client_name = "gym4j-python"
    if env_id:
        h.env_id = env_id
    h.kwargs.CopyFrom(codec.encode_map(kwargs))
    h.num_envs = int(num_envs)
    return req


def _handshake(conn, hello):
    reply = conn.call(_copy(hello))
    return _check(reply, "hello", conn.address).env


def _copy(msg):
    out = type(msg)()
    out.CopyFrom(msg)
    return out


def _close_quietly(conn):
    req = pb.Request()
    req.close.SetInParent()
    try:
        conn.call(req, timeout=min(1.0, conn.timeout))
    except BridgeError:
        pass
    finally:
        conn.close()


class _Spec:
    """What the server says about its env's registration (a light stand-in for gymnasium's EnvSpec, used
    as `RemoteEnv.spec` when Gymnasium is not installed)."""

    def __init__(self, s):
        self.id = s.id
        self.entry_point = s.entry_point
        self.max_episode_steps = s.max_episode_steps or None
        self.reward_threshold = s.reward_threshold if s.has_reward_threshold else None
        self.nondeterministic = s.nondeterministic
        self.kwargs = codec.decode_map(s.kwargs)

    def __repr__(self):
        return f"RemoteSpec(id={self.id!r}, max_episode_steps={self.max_episode_steps})"


def _gymnasium_spec(remote, make_kwargs, vector):
    """A gymnasium EnvSpec whose entry points connect to the same server, env id and kwargs again, so that
    `env.spec.make()`, `gymnasium.make(env.spec)` and `gymnasium.make_vec(env.spec, n)` work."""
    if remote is None or not HAVE_GYMNASIUM:
        return remote
    from gymnasium.envs.registration import EnvSpec
    try:
        return EnvSpec(id=remote.id, entry_point=None if vector else "gym4j_bridge.client:RemoteEnv",
                       vector_entry_point="gym4j_bridge.client:RemoteVectorEnv",
                       reward_threshold=remote.reward_threshold, nondeterministic=remote.nondeterministic,
                       max_episode_steps=remote.max_episode_steps,
                       kwargs=dict(make_kwargs))
    except Exception:  # noqa: BLE001 - an id Gymnasium's grammar refuses: keep the plain description
        return remote


def _wire_spec(d):
    return _Spec(d.spec) if d.HasField("spec") and d.spec.id else None


class RemoteEnv(Env):
    """An env served over the gym4j bridge, used as a gymnasium.Env (or the package's own Env without Gymnasium).

    RemoteEnv("tcp://127.0.0.1:5555") takes the server's default env; RemoteEnv(addr, "Pendulum-v1", g=9.81)
    asks for another id and kwargs. Every call waits at most `timeout` seconds; a lost server raises
    BridgeTimeout naming the address, and the next reset() reconnects once the server is back.

    `spec` is a gymnasium EnvSpec (with Gymnasium installed) whose entry point connects again, so
    `env.spec.make()` and `gymnasium.make(env.spec)` work. A RemoteEnv pickles as its address, env id,
    kwargs and options: unpickling (in another process, a Ray actor, an AsyncVectorEnv worker) connects
    a new env on the server, which needs a reset() before its first step.
    """

    # What gymnasium.make checks a render_mode against before it connects: a served env may have any of
    # these; each instance's metadata (from the server's handshake) says which ones it has.
    metadata = {"render_modes": ["human", "rgb_array", "ansi", "rgb_array_list", "depth_array"]}

    def __init__(self, address, env_id=None, *, timeout=DEFAULT_TIMEOUT, curve_server_key=None,
                 max_message_size=DEFAULT_MAX_MESSAGE_SIZE, shm=None, **kwargs):
        self._init_args = dict(address=address, env_id=env_id, timeout=timeout, curve_server_key=curve_server_key,
                               max_message_size=max_message_size, shm=shm, **kwargs)
        self._conn = Connection(address, timeout, max_message_size, curve_server_key, shm=shm)
        self._hello = _hello(env_id, kwargs)
        try:
            d = _handshake(self._conn, self._hello)
        except BaseException:
            self._conn.close()
            raise
        if d.num_envs:
            _close_quietly(self._conn)
            raise BridgeError(f"the server at {address} serves a vector env of {d.num_envs} sub-envs: use "
                              "RemoteVectorEnv", "UNSUPPORTED", address)
        self.address = address
        self.observation_space = codec.space_from_wire(d.observation_space)
        self.action_space = codec.space_from_wire(d.action_space)
        self._decode_observation = codec.decoder(self.observation_space)
        self._encode_action = codec.action_encoder(self.action_space)
        self._step_bodies = {}  # Discrete actions' whole Request bodies
        self.metadata = codec.decode_map(d.metadata)
        self.render_mode = d.render_mode or None
        self._remote_spec = _wire_spec(d)
        self.spec = _gymnasium_spec(self._remote_spec, self._make_kwargs(), vector=False)
        self._closed = False
        self._raw_ready = None

    @property
    def shm_path(self):
        """The shared-memory file the calls go through, or None when they go over ZeroMQ."""
        return self._conn.shm.path if self._conn.shm is not None else None

    def _raw(self):
        channel = self._conn.shm
        if channel is None:
            return False
        if self._raw_ready is not channel:
            self._raw_ready = channel
            channel.setup_raw(self.observation_space, self.action_space)
        return channel.raw

    def _make_kwargs(self):
        a = dict(self._init_args)
        if a.get("env_id") is None and self._remote_spec is not None:
            a["env_id"] = self._remote_spec.id
        return a

    @property
    def remote_spec(self):
        """What the server's handshake said about the env's registration (id, max_episode_steps, ...)."""
        return self._remote_spec

    def __getstate__(self):
        return dict(self._init_args)

    def __setstate__(self, state):
        self.__init__(**state)

    def reset(self, *, seed=None, options=None):
        self._ensure_open()
        if HAVE_GYMNASIUM:
            super().reset(seed=seed)  # keeps gymnasium.Env's np_random in step with the seed, as Gymnasium expects
        req = pb.Request()
        req.reset.SetInParent()
        if seed is not None:
            req.reset.seed.CopyFrom(codec.seed_to_wire(seed))
        req.reset.options.CopyFrom(codec.encode_map(options))
        reply = self._conn.call(_copy(req))
        if reply.WhichOneof("body") == "error" and reply.error.code == pb.ERROR_CODE_NO_SESSION:
            _handshake(self._conn, self._hello)  # the server restarted or dropped us: start afresh there
            reply = self._conn.call(_copy(req))
        r = _check(reply, "reset", self.address)
        return self._decode_observation(r.observation), codec.decode_map(r.info)

    def step(self, action):
        self._ensure_open()
        actions.check(self.action_space, action, self._invalid_action)
        if self._raw():
            r = self._conn.step_raw(action)
            if type(r) is tuple:
                return r[0], r[1], r[2], r[3], codec.decode_map(pb.ValueMap.FromString(r[4])) if r[4] else {}
            r = _check(r, "step", self.address)
            return (codec.decode(self.observation_space, r.observation), r.reward, r.terminated, r.truncated,
                    codec.decode_map(r.info))
        # Request.step (4) holding Step.action (1): serialized directly, the id appended by the connection
        body = self._step_bodies.get(action) if type(action) is int else None
        if body is None:
            body = codec.field(4, codec.field(1, self._encode_action(action)))
            if type(action) is int and len(self._step_bodies) < 4096:
                self._step_bodies[action] = body
        reply = self._conn.call_serialized(body, "step")
        r = reply.step if reply.HasField("step") else _check(reply, "step", self.address)
        return (self._decode_observation(r.observation), r.reward, r.terminated, r.truncated,
                codec.decode_map(r.info))

    def render(self):
        self._ensure_open()
        if self.render_mode is None:
            return None
        req = pb.Request()
        req.render.SetInParent()
        r = _check(self._conn.call(req), "render", self.address)
        if not r.HasField("frame"):
            return None
        f = r.frame
        return np.frombuffer(f.rgb, dtype=np.uint8).reshape(f.height, f.width, 3).copy()

    def close(self):
        if getattr(self, "_closed", True):
            return
        self._closed = True
        req = pb.Request()
        req.close.SetInParent()
        try:
            self._conn.call(req, timeout=min(1.0, self._conn.timeout))
        except BridgeError:
            pass
        finally:
            self._conn.close()

    def _ensure_open(self):
        if self._closed:
            raise BridgeError(f"{self} is closed", "ENV_CLOSED")

    def _invalid_action(self, message):
        return BridgeError(message, "INVALID_ACTION", self.address)

    def __repr__(self):
        name = self._remote_spec.id if getattr(self, "_remote_spec", None) else "env"
        return f"<RemoteEnv<{name} at {getattr(self, 'address', '?')}>>"

    __str__ = __repr__


class RemoteVectorEnv(VectorEnv):
    """A vector env served over the bridge (`gym4j serve ENV --num-envs N`, or num_envs=N here): the whole
    batch travels in one message per step, as NumPy arrays with a leading num_envs dimension.

    With Gymnasium installed it is a `gymnasium.vector.VectorEnv` (next-step autoreset, as the metadata's
    `autoreset_mode` says), and `gymnasium.make_vec` builds it from a registered gym4j id. It pickles as
    its address, env id, size, kwargs and options, and connects again when unpickled.
    """

    def __init__(self, address, env_id=None, num_envs=0, *, timeout=DEFAULT_TIMEOUT, curve_server_key=None,
                 max_message_size=DEFAULT_MAX_MESSAGE_SIZE, shm=None, **kwargs):
        self._init_args = dict(address=address, env_id=env_id, num_envs=num_envs, timeout=timeout,
                               curve_server_key=curve_server_key, max_message_size=max_message_size, shm=shm, **kwargs)
        self._closed = True
        self._raw_ready = None
        self._conn = Connection(address, timeout, max_message_size, curve_server_key, shm=shm)
        self._hello = _hello(env_id, kwargs, num_envs)
        try:
            d = _handshake(self._conn, self._hello)
        except BaseException:
            self._conn.close()
            raise
        if d.num_envs < 1:
            self._conn.close()
            raise BridgeError(f"the server at {address} serves a single env, not a vector env (pass num_envs=N)")
        self.address = address
        self.num_envs = d.num_envs
        self.observation_space = codec.space_from_wire(d.observation_space)
        self.action_space = codec.space_from_wire(d.action_space)
        self.single_observation_space = codec.space_from_wire(d.single_observation_space)
        self.single_action_space = codec.space_from_wire(d.single_action_space)
        self._decode_observations = codec.decoder(self.observation_space)
        self._decode_rewards = codec.tensor_decoder(np.float64, (self.num_envs,))
        self._decode_flags = codec.tensor_decoder(np.bool_, (self.num_envs,))
        self.metadata = codec.decode_map(d.metadata)
        if HAVE_GYMNASIUM:
            from gymnasium.vector import AutoresetMode
            mode = str(self.metadata.get("autoreset_mode", "NEXT_STEP")).upper().replace("AUTORESETMODE.", "")
            mode = {"NEXTSTEP": "NEXT_STEP", "SAMESTEP": "SAME_STEP"}.get(mode, mode)
            self.metadata["autoreset_mode"] = AutoresetMode[mode] if mode in AutoresetMode.__members__ \
                else AutoresetMode.NEXT_STEP
        self.render_mode = d.render_mode or None
        remote = _wire_spec(d)
        make_kwargs = {k: v for k, v in self._init_args.items() if k != "num_envs"}
        if make_kwargs.get("env_id") is None and remote is not None:
            make_kwargs["env_id"] = remote.id
        self.spec = _gymnasium_spec(remote, make_kwargs, vector=True)
        self._closed = False
        self.closed = False

    def __getstate__(self):
        return dict(self._init_args)

    def __setstate__(self, state):
        self.__init__(**state)

    @property
    def shm_path(self):
        """The shared-memory file the calls go through, or None when they go over ZeroMQ."""
        return self._conn.shm.path if self._conn.shm is not None else None

    def reset(self, *, seed=None, options=None):
        self._ensure_open()
        req = pb.Request()
        req.vector_reset.SetInParent()
        if isinstance(seed, (list, tuple)):
            for s in seed:
                req.vector_reset.seeds.add().CopyFrom(codec.seed_to_wire(s))
        elif seed is not None:
            req.vector_reset.seed.CopyFrom(codec.seed_to_wire(seed))
        req.vector_reset.options.CopyFrom(codec.encode_map(options))
        reply = self._conn.call(_copy(req))
        if reply.WhichOneof("body") == "error" and reply.error.code == pb.ERROR_CODE_NO_SESSION:
            _handshake(self._conn, self._hello)
            reply = self._conn.call(_copy(req))
        r = _check(reply, "vector_reset", self.address)
        return self._decode_observations(r.observations), codec.decode_map(r.infos)

    def step(self, actions_):
        self._ensure_open()
        actions.check(self.action_space, actions_, self._invalid_action)
        channel = self._conn.shm
        if channel is not None:
            if self._raw_ready is not channel:
                self._raw_ready = channel
                channel.setup_raw(self.observation_space, self.action_space, self.num_envs)
            if channel.raw:
                r = self._conn.step_raw(actions_)
                if type(r) is tuple:
                    return r[0], r[1], r[2], r[3], codec.decode_map(pb.ValueMap.FromString(r[4])) if r[4] else {}
                r = _check(r, "vector_step", self.address)
                return (codec.decode(self.observation_space, r.observations), codec.from_tensor(r.rewards),
                        codec.from_tensor(r.terminated), codec.from_tensor(r.truncated), codec.decode_map(r.infos))
        # Request.vector_step (8) holding VectorStep.actions (1), the id appended by the connection
        body = codec.field(8, codec.field(1, codec.encode(self.action_space, actions_).SerializeToString()))
        reply = self._conn.call_serialized(body, "vector_step")
        r = reply.vector_step if reply.HasField("vector_step") else _check(reply, "vector_step", self.address)
        return (self._decode_observations(r.observations), self._decode_rewards(r.rewards),
                self._decode_flags(r.terminated), self._decode_flags(r.truncated), codec.decode_map(r.infos))

    def close(self, **kwargs):
        if self._closed:
            return
        self._closed = True
        self.closed = True
        req = pb.Request()
        req.close.SetInParent()
        try:
            self._conn.call(req, timeout=min(1.0, self._conn.timeout))
        except BridgeError:
            pass
        finally:
            self._conn.close()

    def _ensure_open(self):
        if self._closed:
            raise BridgeError(f"{self} is closed", "ENV_CLOSED")

    def _invalid_action(self, message):
        return BridgeError(message, "INVALID_ACTION", self.address)

    def __repr__(self):
        name = self.spec.id if getattr(self, "spec", None) is not None else "env"
        return f"<RemoteVectorEnv<{getattr(self, 'num_envs', '?')} x {name} at {getattr(self, 'address', '?')}>>"

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()
        return False
