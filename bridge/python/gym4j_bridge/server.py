"""serve(): expose a Python env over the gym4j bridge so that Java's RemoteEnv (or any client) can use it."""
import threading
import time

import numpy as np
import zmq

from . import bridge_pb2 as pb
from . import codec

DEFAULT_ADDRESS = "tcp://127.0.0.1:*"


def _error(code, message, rid=0):
    r = pb.Response(id=rid)
    r.error.code = code
    r.error.message = str(message)
    return r


def _is_vector(env):
    """A vector env is anything with an integer num_envs (a gymnasium.vector.VectorEnv, an EnvPool, ...)."""
    n = getattr(env, "num_envs", None)
    return isinstance(n, (int, np.integer)) and not isinstance(n, bool)


def _vector_spaces(env):
    missing = [a for a in ("observation_space", "action_space", "single_observation_space", "single_action_space")
               if getattr(env, a, None) is None]
    if missing:
        raise TypeError(f"a served vector env needs {', '.join(missing)} (the batched spaces and one sub-env's)")
    return env.observation_space, env.action_space, env.single_observation_space, env.single_action_space


def _code_for(exc):
    name = type(exc).__name__
    if isinstance(exc, codec.ProtocolError):
        return pb.ERROR_CODE_BAD_MESSAGE
    if "ResetNeeded" in name or "OrderEnforcing" in str(exc):
        return pb.ERROR_CODE_RESET_NEEDED
    if isinstance(exc, (ValueError, TypeError, AssertionError)) and "action" in str(exc).lower():
        return pb.ERROR_CODE_INVALID_ACTION
    if isinstance(exc, (ValueError, TypeError)):
        return pb.ERROR_CODE_INVALID_ARGUMENT
    return pb.ERROR_CODE_ENV_ERROR


class EnvServer:
    """Serves envs on a ROUTER socket, one env per client (made by `env_factory(env_id, **kwargs)`)."""

    def __init__(self, env_factory, address=DEFAULT_ADDRESS, idle_timeout=300.0,
                 max_message_size=64 << 20, curve_secret_key=None, context=None):
        self._factory = env_factory
        self._ctx = context or zmq.Context.instance()
        self._sock = self._ctx.socket(zmq.ROUTER)
        self._sock.setsockopt(zmq.LINGER, 0)
        self._sock.setsockopt(zmq.MAXMSGSIZE, int(max_message_size))
        if curve_secret_key:
            self._sock.curve_server = True
            self._sock.curve_secretkey = curve_secret_key.encode("ascii") if isinstance(curve_secret_key, str) \
                else curve_secret_key
        if address.endswith(":0"):
            address = address[:-1] + "*"
        self._sock.bind(address)
        self.endpoint = self._sock.getsockopt_string(zmq.LAST_ENDPOINT)
        self.idle_timeout = float(idle_timeout)
        self._sessions = {}
        self._running = True
        self._thread = None

    @property
    def active_clients(self):
        return len(self._sessions)

    def serve_forever(self):
        poller = zmq.Poller()
        poller.register(self._sock, zmq.POLLIN)
        last_sweep = time.monotonic()
        try:
            while self._running:
                if poller.poll(50):
                    frames = self._sock.recv_multipart()
                    self._serve_one(frames)
                now = time.monotonic()
                if now - last_sweep > min(1.0, self.idle_timeout / 2):
                    last_sweep = now
                    for ident in [k for k, (_, seen) in self._sessions.items() if now - seen > self.idle_timeout]:
                        self._close_session(ident)
        finally:
            for ident in list(self._sessions):
                self._close_session(ident)
            self._sock.close(0)

    def start(self):
        """Serves on a daemon thread; returns self."""
        self._thread = threading.Thread(target=self.serve_forever, name=f"gym4j-bridge {self.endpoint}", daemon=True)
        self._thread.start()
        return self

    def close(self):
        self._running = False
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(5)

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()
        return False

    # ------------------------------------------------------------ one request

    def _serve_one(self, frames):
        ident, rest = frames[0], frames[1:]
        delimited = len(rest) == 2 and len(rest[0]) == 0
        if len(rest) == 1 or delimited:
            reply = self._answer(ident, rest[-1])
        else:
            reply = _error(pb.ERROR_CODE_BAD_MESSAGE, f"expected one payload frame, got {len(rest)}")
        out = [ident] + ([b""] if delimited else []) + [reply.SerializeToString()]
        self._sock.send_multipart(out)

    def _answer(self, ident, payload):
        req = pb.Request()
        try:
            req.ParseFromString(payload)
        except Exception as e:  # noqa: BLE001 - garbage in: an error reply out
            return _error(pb.ERROR_CODE_BAD_MESSAGE, f"not a gym4j.bridge.v1.Request ({e})")
        body = req.WhichOneof("body")
        if body is None:
            return _error(pb.ERROR_CODE_BAD_MESSAGE, "the request has no body", req.id)
        if body == "hello":
            return self._hello(ident, req)
        if body == "ping":
            r = pb.Response(id=req.id)
            r.pong.SetInParent()
            return r
        if body == "list_envs":  # a factory function cannot list what it makes
            return _error(pb.ERROR_CODE_UNSUPPORTED, "this Python server cannot list its env ids: name one in "
                          "Hello.env_id (or use the server's default)", req.id)
        if body == "close":
            self._close_session(ident)
            r = pb.Response(id=req.id)
            r.close.SetInParent()
            return r
        session = self._sessions.get(ident)
        if session is None:
            return _error(pb.ERROR_CODE_NO_SESSION, f"no env for this client at {self.endpoint}: send Hello first", req.id)
        env = session[0]
        self._sessions[ident] = (env, time.monotonic())
        try:
            return self._dispatch(env, req, body)
        except Exception as e:  # noqa: BLE001 - the env's error goes back to the client
            return _error(_code_for(e), f"{type(e).__name__}: {e}", req.id)

    def _hello(self, ident, req):
        h = req.hello
        if h.protocol_version != codec.PROTOCOL_VERSION:
            return _error(pb.ERROR_CODE_UNSUPPORTED_VERSION, f"this server speaks gym4j bridge protocol version "
                          f"{codec.PROTOCOL_VERSION}, the client asked for {h.protocol_version}", req.id)
        self._close_session(ident)
        try:
            env = self._factory(h.env_id or None, **codec.decode_map(h.kwargs))
        except Exception as e:  # noqa: BLE001
            code = pb.ERROR_CODE_ENV_NOT_FOUND if isinstance(e, LookupError) else pb.ERROR_CODE_INVALID_ARGUMENT
            return _error(code, f"{type(e).__name__}: {e}", req.id)
        vector = _is_vector(env)
        # num_envs 0 asks for whatever the server serves; N >= 1 asks for a vector env of N sub-envs.
        if h.num_envs and not (vector and int(env.num_envs) == h.num_envs):
            self._release(env)
            what = f"a vector env of {int(env.num_envs)} sub-envs" if vector else "single envs only"
            return _error(pb.ERROR_CODE_UNSUPPORTED, f"the client asked for {h.num_envs} sub-envs; this Python "
                          f"server serves {what}", req.id)
        r = pb.Response(id=req.id)
        r.hello.protocol_version = codec.PROTOCOL_VERSION
        r.hello.capabilities.extend(codec.CAPABILITIES)
        r.hello.server_name = "gym4j-python"
        d = r.hello.env
        try:
            if vector:
                obs_space, act_space, single_obs, single_act = _vector_spaces(env)
                d.num_envs = int(env.num_envs)
                d.single_observation_space.CopyFrom(codec.space_to_wire(single_obs))
                d.single_action_space.CopyFrom(codec.space_to_wire(single_act))
            else:
                obs_space, act_space = env.observation_space, env.action_space
            d.observation_space.CopyFrom(codec.space_to_wire(obs_space))
            d.action_space.CopyFrom(codec.space_to_wire(act_space))
        except Exception as e:  # noqa: BLE001 - an env the protocol cannot describe
            self._release(env)
            return _error(pb.ERROR_CODE_INVALID_ARGUMENT, f"{type(e).__name__}: {e}", req.id)
        self._sessions[ident] = (env, time.monotonic())
        d.metadata.CopyFrom(codec.encode_map(getattr(env, "metadata", {}) or {}))
        if getattr(env, "render_mode", None):
            d.render_mode = env.render_mode
        spec = getattr(env, "spec", None)
        if spec is not None and getattr(spec, "id", None):
            d.spec.id = spec.id
            d.spec.entry_point = str(getattr(spec, "entry_point", "") or "")
            d.spec.max_episode_steps = int(getattr(spec, "max_episode_steps", 0) or 0)
            if getattr(spec, "reward_threshold", None) is not None:
                d.spec.has_reward_threshold = True
                d.spec.reward_threshold = float(spec.reward_threshold)
            d.spec.nondeterministic = bool(getattr(spec, "nondeterministic", False))
        return r

    def _dispatch(self, env, req, body):
        if _is_vector(env):
            return self._dispatch_vector(env, req, body)
        r = pb.Response(id=req.id)
        if body == "reset":
            seed = codec.seed_from_wire(req.reset.seed) if req.reset.HasField("seed") else None
            options = codec.decode_map(req.reset.options) or None
            obs, info = env.reset(seed=seed, options=options)
            r.reset.observation.CopyFrom(codec.encode(env.observation_space, obs))
            r.reset.info.CopyFrom(codec.encode_map(info))
        elif body == "step":
            action = codec.decode(env.action_space, req.step.action)
            obs, reward, terminated, truncated, info = env.step(action)
            r.step.observation.CopyFrom(codec.encode(env.observation_space, obs))
            r.step.reward = float(reward)
            r.step.terminated = bool(terminated)
            r.step.truncated = bool(truncated)
            r.step.info.CopyFrom(codec.encode_map(info))
        elif body == "render":
            frame = env.render()
            r.render.SetInParent()
            if frame is not None:
                a = np.ascontiguousarray(frame, dtype=np.uint8)
                r.render.frame.height, r.render.frame.width = int(a.shape[0]), int(a.shape[1])
                r.render.frame.rgb = a.tobytes()
        else:
            return _error(pb.ERROR_CODE_UNSUPPORTED, f"{body} does not apply to a single env", req.id)
        return r

    def _dispatch_vector(self, env, req, body):
        r = pb.Response(id=req.id)
        if body == "vector_reset":
            vr = req.vector_reset
            if len(vr.seeds):
                if len(vr.seeds) != env.num_envs:
                    raise ValueError(f"expected {env.num_envs} seeds, one per sub-env, got {len(vr.seeds)}")
                seed = [codec.seed_from_wire(s) for s in vr.seeds]
            else:
                seed = codec.seed_from_wire(vr.seed) if vr.HasField("seed") else None
            options = codec.decode_map(vr.options) or None
            obs, infos = env.reset(seed=seed, options=options)
            r.vector_reset.observations.CopyFrom(codec.encode(env.observation_space, obs))
            r.vector_reset.infos.CopyFrom(codec.encode_map(infos))
        elif body == "vector_step":
            actions = codec.decode(env.action_space, req.vector_step.actions)
            obs, rewards, terminations, truncations, infos = env.step(actions)
            n = int(env.num_envs)
            s = r.vector_step
            s.observations.CopyFrom(codec.encode(env.observation_space, obs))
            s.rewards.CopyFrom(codec.tensor(np.asarray(rewards, dtype=np.float64).reshape(n)))
            s.terminated.CopyFrom(codec.tensor(np.asarray(terminations, dtype=np.bool_).reshape(n)))
            s.truncated.CopyFrom(codec.tensor(np.asarray(truncations, dtype=np.bool_).reshape(n)))
            s.infos.CopyFrom(codec.encode_map(infos))
        else:
            return _error(pb.ERROR_CODE_UNSUPPORTED, f"{body} does not apply to a vector env: use vector_reset and "
                          "vector_step", req.id)
        return r

    def _close_session(self, ident):
        session = self._sessions.pop(ident, None)
        if session is not None:
            self._release(session[0])

    def _release(self, env):
        if not getattr(self, "_shared", False):
            try:
                env.close()
            except Exception:  # noqa: BLE001 - a failing close must not take the server down
                pass


def serve(env, address=DEFAULT_ADDRESS, *, block=True, **options):
    """Serves a Python env (a gymnasium.Env, or any object with reset/step and spaces) at `address`.

    A vector env (a gymnasium.vector.VectorEnv, or any object with an integer num_envs, the batched
    observation_space/action_space, single_observation_space/single_action_space, and reset/step on
    batches) is served as one: a client asks for it with num_envs 0 or N (Java's RemoteVectorEnv, this
    package's RemoteVectorEnv), and each step's whole batch travels in one message.

    `env` is either a callable `make(env_id, **kwargs)` giving each client its own env, or one env
    instance shared by every client (then Close does not close it). With block=True it serves until
    interrupted; with block=False it returns the started EnvServer (its .endpoint tells the port;
    .close() stops it).
    """
    if callable(env) and not hasattr(env, "step"):
        factory = env
        shared = False
    else:
        def factory(env_id=None, **kwargs):
            return env
        shared = True
    server = EnvServer(factory, address, **options)
    server._shared = shared
    if block:
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
        return server
    return server.start()
