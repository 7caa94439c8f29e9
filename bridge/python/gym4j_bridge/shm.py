"""The client side of the bridge's same-host fast path (PROTOCOL.md, "Shared memory"): a file the server
offers in its HelloReply, holding one request slot and one reply slot, instead of a ZeroMQ round trip.

Each call writes the payload, then its length and kind, then the request's sequence number, and rings the
doorbell (a Unix socket next to the file, PATH.sock) if the server's waiting flag is up; the server answers
in the reply slot, publishes the same sequence number and rings back if the client's flag is up. The client
waits by spinning briefly on that number, then raising its flag, looking once more and blocking on the
doorbell (the kernel wakes it at once, which on a busy machine beats any polling), and every 100 ms checks
that the server's process is alive and that the heartbeat word it bumps every 100 ms still moves: a killed
or stopped server fails the call within LIVENESS seconds, naming the file.

Memory order: x86-64 keeps stores in order and loads in order, which is what the payload-before-counter
rule needs (CPython's writes through a memoryview are plain stores). It may let a load pass an earlier
store, which "store the number, then read the peer's flag" must not allow: `_fence` (acquiring and releasing
a lock, a locked instruction) is the full barrier between the two. The waits also time out every 100 ms, so
even a missed ring would cost a slice, never a hang.
"""
import mmap
import os
import select
import socket
import stat
import struct
import threading
import time

import numpy as np

from . import bridge_pb2 as pb

MAGIC = 0x6d68736a346d7967  # "gym4jshm" little-endian
VERSION = 2
HEADER = 4096
OFF_SERVER_PID = 24
OFF_CLIENT_PID = 32
OFF_HEARTBEAT = 40
OFF_STATE = 48
OFF_NONCE = 64
OFF_REQ_SEQ = 128
OFF_REQ_LEN = 136
OFF_SERVER_WAITING = 144
OFF_REP_SEQ = 192
OFF_REP_LEN = 200
OFF_CLIENT_WAITING = 208
KIND_PROTO = 1
KIND_RAW_STEP = 2
KIND_RAW_VECTOR_STEP = 3
STATE_CLOSED = 1
CAPABILITY = "shm-v2"
# How long the server's heartbeat may stand still before the call fails (the server beats every 100 ms).
LIVENESS = 2.0
# The longest spin before blocking on the doorbell. The spin adapts: after a reply that came within SPIN_MAX
# (even one the client blocked for) the next spin is SPIN_MAX, after a slower one it halves, so a busy machine
# (where a spinning process only delays the one it waits for) soon blocks at once, one slow reply does not end
# spinning for good, and an idle machine answers in microseconds.
SPIN_MAX = 50e-6
CHECK = 0.1

_STEP_HEAD = struct.Struct("<dBBxxI")


def enabled_by_default():
    """Shared memory is on unless the environment variable GYM4J_SHM is 0 (or false/off)."""
    return os.environ.get("GYM4J_SHM", "1").strip().lower() not in ("0", "false", "off", "no")


def same_host(address):
    """Whether an address can only be this machine (loopback tcp, ipc, inproc)."""
    a = address.lower()
    return a.startswith(("tcp://127.", "tcp://localhost:", "tcp://[::1]:", "ipc://", "inproc://"))


class ShmError(RuntimeError):
    """The offered file cannot be used (not a session file of this user); the client stays on ZeroMQ."""


def _pid_alive(pid):
    try:
        os.kill(pid, 0)
        return True
    except ProcessLookupError:
        return False
    except PermissionError:
        return True


def _raw_spec(space):
    """(dtype, shape) of a tensor-valued space's values, or None (Tuple, Dict, ...)."""
    from ._compat import spaces
    if isinstance(space, spaces.Box):
        return np.dtype(space.dtype).newbyteorder("<"), tuple(space.shape)
    if isinstance(space, spaces.Discrete):
        return np.dtype("<i8"), ()
    if isinstance(space, spaces.MultiDiscrete):
        return np.dtype("<i8"), tuple(np.shape(space.nvec))
    if isinstance(space, spaces.MultiBinary):
        return np.dtype("i1"), tuple(space.shape)
    return None


class ShmChannel:
    """One mapped session file. Not thread-safe: one caller at a time, like the env that owns it."""

    def __init__(self, path, slot_size, address):
        self.path = path
        self.address = address
        self.slot_size = int(slot_size)
        size = HEADER + 2 * self.slot_size
        try:
            fd = os.open(path, os.O_RDWR | getattr(os, "O_NOFOLLOW", 0))
        except OSError as e:
            raise ShmError(f"cannot open the shared-memory file {path}: {e}") from e
        try:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode) or st.st_uid != os.getuid() or st.st_size < size or self.slot_size < 1024:
                raise ShmError(f"{path} is not a shared-memory session file of this user with slots of {slot_size} bytes")
            self._mm = mmap.mmap(fd, size)
        finally:
            os.close(fd)
        magic, version, _, slot = struct.unpack_from("<QIIQ", self._mm, 0)
        if magic != MAGIC or version != VERSION or slot != self.slot_size:
            self._mm.close()
            raise ShmError(f"{path} is not a gym4j shared-memory file of version {VERSION}")
        self._q = memoryview(self._mm).cast("Q")
        self._i = memoryview(self._mm).cast("I")
        self.server_pid = self._q[OFF_SERVER_PID // 8]
        self._seq = self._q[OFF_REQ_SEQ // 8]
        self._req = HEADER
        self._rep = HEADER + self.slot_size
        self._raw = None
        self._views = []
        self._spin = SPIN_MAX
        self._bell = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            self._bell.connect(path + ".sock")
            self._bell.sendall(self.nonce)
            self._bell.setblocking(False)
        except OSError as e:
            self.close()
            raise ShmError(f"cannot connect the shared-memory doorbell {path}.sock: {e}") from e
        self._fd = self._bell.fileno()
        lock = threading.Lock()
        self._fence_acquire, self._fence_release = lock.acquire, lock.release
        self._poll = select.poll()
        self._poll.register(self._fd, select.POLLIN)

    @property
    def nonce(self):
        return bytes(self._mm[OFF_NONCE:OFF_NONCE + 32])

    def fits(self, n):
        return n <= self.slot_size

    # ------------------------------------------------------------------ one round trip

    def _publish(self, length, kind):
        i = self._i
        i[OFF_REQ_LEN // 4] = length
        i[OFF_REQ_LEN // 4 + 1] = kind
        self._seq += 1
        q = self._q
        q[OFF_REQ_SEQ // 8] = self._seq  # after the payload and its length: the server reads in that order
        self._fence_acquire()  # a full barrier: the number is visible before the flag is read (module docs)
        self._fence_release()
        if q[OFF_SERVER_WAITING // 8]:
            try:
                os.write(self._fd, b"\1")
            except OSError:
                pass  # a full buffer (the server has wake-ups pending), or the server is gone (the wait's checks say so)

    def _wait(self, timeout, what):
        q = self._q
        idx = OFF_REP_SEQ // 8
        mine = self._seq
        for _ in range(32):
            if q[idx] == mine:
                self._spin = SPIN_MAX
                return
        start = time.perf_counter()
        spin = self._spin
        while time.perf_counter() - start < spin:
            if q[idx] == mine:
                self._spin = SPIN_MAX
                return
        try:
            self._block(q, idx, mine, start, timeout, what)
        finally:
            q[OFF_CLIENT_WAITING // 8] = 0
        self._spin = SPIN_MAX if time.perf_counter() - start <= SPIN_MAX else spin / 2

    def _block(self, q, idx, mine, start, timeout, what):
        deadline = start + timeout
        next_check = start + CHECK
        beat = q[OFF_HEARTBEAT // 8]
        beat_seen = start
        flag = OFF_CLIENT_WAITING // 8
        while True:
            q[flag] = 1  # then look once more before blocking (module docs)
            self._fence_acquire()
            self._fence_release()
            if q[idx] == mine:
                return
            now = time.perf_counter()
            if now >= next_check:
                next_check = now + CHECK
                b = q[OFF_HEARTBEAT // 8]
                if b != beat:
                    beat, beat_seen = b, now
                if q[OFF_STATE // 8] == STATE_CLOSED:
                    dead = "the server closed the session"
                elif not _pid_alive(self.server_pid):
                    dead = f"server process {self.server_pid} is gone"
                elif now - beat_seen > LIVENESS:
                    dead = f"the heartbeat of server process {self.server_pid} stood still for {LIVENESS:g} s (stopped or hung)"
                else:
                    dead = None
                if dead is not None:
                    from .client import BridgeConnectionLost
                    raise BridgeConnectionLost(f"lost the shared-memory link {self.path} to {self.address} while waiting "
                                               f"for the reply to {what}: {dead}", "CONNECTION_LOST", None)
                if now >= deadline:
                    from .client import BridgeTimeout
                    raise BridgeTimeout(f"no reply from {self.address} (shared memory {self.path}) within {timeout:g} s "
                                        f"to {what} (the server's env is still busy)", "TIMEOUT", None)
            if self._poll.poll(max(1, int((next_check - now) * 1000))):
                try:
                    os.read(self._fd, 65536)
                except OSError:
                    pass

    def _reply_proto(self):
        length = self._i[OFF_REP_LEN // 4]
        kind = self._i[OFF_REP_LEN // 4 + 1]
        if kind != KIND_PROTO or length > self.slot_size:
            from .client import BridgeError
            raise BridgeError(f"the shared-memory reply from {self.address} ({self.path}) has kind {kind} and length "
                              f"{length}; expected a Response")
        reply = pb.Response()
        reply.ParseFromString(self._mm[self._rep:self._rep + length])
        return reply

    def call(self, request, timeout):
        """Sends a Request through the file; returns the Response."""
        data = request.SerializeToString()
        self._mm[self._req:self._req + len(data)] = data
        self._publish(len(data), KIND_PROTO)
        self._wait(timeout, request.WhichOneof("body"))
        return self._reply_proto()

    # ------------------------------------------------------------------ the raw step layout

    def setup_raw(self, observation_space, action_space, num_envs=0):
        """Prepares the raw layout of steps for these spaces (batched ones for a vector env); False if it does not apply."""
        obs, act = _raw_spec(observation_space), _raw_spec(action_space)
        if obs is None or act is None or not hasattr(observation_space, "low"):
            return False
        from ._compat import spaces
        if not isinstance(observation_space, spaces.Box):
            return False
        n = int(num_envs)
        obs_bytes = obs[0].itemsize * int(np.prod(obs[1], dtype=np.int64))
        act_bytes = act[0].itemsize * int(np.prod(act[1], dtype=np.int64))
        fixed = (8 + obs_bytes + 10 * n) if n else (16 + obs_bytes)
        if act_bytes > self.slot_size or fixed > self.slot_size:
            return False
        act_view = np.ndarray(act[1], dtype=act[0], buffer=self._mm, offset=self._req)
        native_obs = obs[0].newbyteorder("=")
        if n:
            obs_view = np.ndarray(obs[1], dtype=obs[0], buffer=self._mm, offset=self._rep + 8)
            rewards = np.ndarray((n,), dtype="<f8", buffer=self._mm, offset=self._rep + 8 + obs_bytes)
            term = np.ndarray((n,), dtype=np.uint8, buffer=self._mm, offset=self._rep + 8 + obs_bytes + 8 * n)
            trunc = np.ndarray((n,), dtype=np.uint8, buffer=self._mm, offset=self._rep + 8 + obs_bytes + 9 * n)
            self._views = [act_view, obs_view, rewards, term, trunc]
        else:
            obs_view = np.ndarray(obs[1], dtype=obs[0], buffer=self._mm, offset=self._rep + 16)
            self._views = [act_view, obs_view]
        self._raw = (n, act_view, act_bytes, obs_view, native_obs, obs_bytes,
                     np.dtype(observation_space.dtype))
        return True

    def step_raw(self, action, timeout):
        """One step in the raw layout: (obs, reward, terminated, truncated, info_bytes), or a Response when the
        server answered with one (an error, or a reply the raw layout cannot hold)."""
        n, act_view, act_bytes, obs_view, native, obs_bytes, space_dtype = self._raw
        act_view[...] = action
        self._publish(act_bytes, KIND_RAW_VECTOR_STEP if n else KIND_RAW_STEP)
        self._wait(timeout, "vector_step" if n else "step")
        if self._i[OFF_REP_LEN // 4 + 1] == KIND_PROTO:
            return self._reply_proto()
        rep = self._rep
        if n:
            info_len = self._i[rep // 4]
            v = self._views
            obs = obs_view.astype(space_dtype, copy=True)
            rewards, term, trunc = v[2].astype(np.float64), v[3] != 0, v[4] != 0
            start = rep + 8 + obs_bytes + 10 * n
            info = self._mm[start:start + info_len] if info_len else b""
            return obs, rewards, term, trunc, info
        reward, term, trunc, info_len = _STEP_HEAD.unpack_from(self._mm, rep)
        obs = obs_view.astype(space_dtype, copy=True)
        info = self._mm[rep + 16 + obs_bytes:rep + 16 + obs_bytes + info_len] if info_len else b""
        return obs, reward, term != 0, trunc != 0, info

    @property
    def raw(self):
        return self._raw is not None

    def close(self):
        """Unmaps the file (the server removes it when the session ends)."""
        self._raw = None
        self._views = []
        bell = getattr(self, "_bell", None)
        if bell is not None:
            bell.close()
        for v in (self._q, self._i):
            v.release()
        try:
            self._mm.close()
        except BufferError:
            pass  # a view is still alive somewhere; the mapping goes with it

    def __repr__(self):
        return f"ShmChannel({self.path})"
