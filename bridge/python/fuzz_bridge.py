"""Fuzzes running bridge servers with random and mutated messages (a report and a check, not a unit test).

    python bridge/python/fuzz_bridge.py [--messages N] [--seed S] [--servers java,python,cpp]

For each server (Java `gym4j serve CartPole-v1` with a 1 MiB message limit and -Xmx256m; the Python
`serve()` of tests/walk_server.py; the C++ bridge/cpp/build/cartpole_server when built), over ZeroMQ tcp
loopback, sends N messages (default 10,000) drawn from: random garbage, truncated and bit-flipped valid
requests, wrong protocol versions, requests out of order, wrong types and shapes of actions, seeds and
options, absurd tensor shapes (2^40 x 2^40 with 8 bytes of data), absurd num_envs, deep nesting, extra
and empty frames, and a few messages over the server's size limit. Every message but the oversized ones
must get a reply (an error reply is fine); the server must stay up, its resident memory must stay below
a bound, and afterwards a well-behaved client must be served correctly. Prints counts per kind and per
reply; exits 1 on any failure. Everything random comes from --seed.
"""
import argparse
import collections
import os
import random
import subprocess
import sys
import time

import zmq

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from gym4j_bridge import RemoteEnv  # noqa: E402
from gym4j_bridge import bridge_pb2 as pb  # noqa: E402
from gym4j_bridge import codec  # noqa: E402
from tests.javaserver import JavaServer  # noqa: E402

CPP = os.path.join(HERE, "..", "cpp", "build", "cartpole_server")
MAX_MESSAGE = 1 << 20


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


class Gen:
    """Draws one fuzz message (a list of frames) and names its kind."""

    def __init__(self, rng, env_id):
        self.r = rng
        self.env_id = env_id

    def valid(self):
        r = self.r
        req = pb.Request(id=r.randrange(1, 1 << 62))
        kind = r.randrange(8)
        if kind == 0:
            req.hello.protocol_version = 1
            req.hello.env_id = self.env_id if r.random() < 0.8 else r.choice(["", "Nope-v0", "x" * 300, "CartPole-v0"])
            req.hello.num_envs = r.choice([0, 0, 0, 1, 2, 4])
        elif kind == 1:
            req.reset.SetInParent()
            if r.random() < 0.7:
                req.reset.seed.magnitude = r.randrange(1 << 64).to_bytes(8, "big")
        elif kind in (2, 3, 4):
            req.step.action.tensor.CopyFrom(codec.tensor(r.randrange(2), "int64"))
        elif kind == 5:
            req.ping.SetInParent()
        elif kind == 6:
            req.render.SetInParent()
        else:
            req.vector_step.actions.tensor.CopyFrom(codec.tensor([r.randrange(2) for _ in range(4)], "int64"))
        return req

    def draw(self):
        r = self.r
        kind = r.choice(["garbage", "truncated", "bitflip", "version", "wrong_action", "absurd_shape", "seed",
                         "options", "num_envs", "frames", "valid", "valid", "valid"])
        if kind == "garbage":
            return kind, [bytes(r.randrange(256) for _ in range(r.randrange(0, 512)))]
        if kind == "truncated":
            data = self.valid().SerializeToString()
            return kind, [data[:r.randrange(0, max(1, len(data)))]]
        if kind == "bitflip":
            data = bytearray(self.valid().SerializeToString())
            for _ in range(r.randrange(1, 6)):
                if data:
                    i = r.randrange(len(data))
                    data[i] ^= 1 << r.randrange(8)
            if r.random() < 0.3 and data:
                del data[r.randrange(len(data))]
            return kind, [bytes(data)]
        if kind == "version":
            req = pb.Request(id=r.randrange(1, 1000))
            req.hello.protocol_version = r.choice([0, 2, 99, (1 << 32) - 1])
            return kind, [req.SerializeToString()]
        req = pb.Request(id=r.randrange(1, 1 << 62))
        if kind == "wrong_action":
            v = req.step.action
            choice = r.randrange(7)
            if choice == 0:
                v.tensor.CopyFrom(codec.tensor([1.5, 2.5], "float64"))
            elif choice == 1:
                v.text = "left"
            elif choice == 2:
                v.list.items.add().integer = 1
            elif choice == 3:
                v.tensor.dtype = pb.DTYPE_INT64
                v.tensor.data = b"\x01\x02"  # wrong length
            elif choice == 4:
                v.integer = r.choice([-1, 2, 1 << 62, -(1 << 62)])
            elif choice == 5:
                v.tensor.dtype = 77  # no such dtype
                v.tensor.data = b"\x00" * 8
            else:
                v.map.entries.add().key = "a"
            return kind, [req.SerializeToString()]
        if kind == "absurd_shape":
            t = (req.step.action.tensor if r.random() < 0.5 else req.vector_step.actions.tensor)
            t.dtype = r.choice([pb.DTYPE_INT64, pb.DTYPE_FLOAT32, pb.DTYPE_UINT8])
            t.shape.extend(r.choice([[1 << 40, 1 << 40], [-1], [0, -5], [1 << 62], [3, 1 << 61, 7]]))
            t.data = b"\x00" * 8
            return kind, [req.SerializeToString()]
        if kind == "seed":
            req.reset.seed.magnitude = bytes(r.randrange(256) for _ in range(r.choice([0, 9, 64, 4096])))
            return kind, [req.SerializeToString()]
        if kind == "options":
            m = req.reset.options
            depth = r.choice([1, 10, 50])
            for _ in range(r.randrange(1, 4)):
                e = m.entries.add()
                e.key = r.choice(["low", "high", "reset_mask", "x" * 100, ""])
                v = e.value
                for _ in range(depth):
                    v = v.list.items.add()
                v.real = r.choice([float("nan"), float("inf"), -1e300, 0.5])
            return kind, [req.SerializeToString()]
        if kind == "num_envs":
            req.hello.protocol_version = 1
            req.hello.env_id = self.env_id
            req.hello.num_envs = r.choice([-1, 5000, (1 << 31) - 1, -(1 << 31)])
            return kind, [req.SerializeToString()]
        if kind == "frames":
            payload = self.valid().SerializeToString()
            return kind, r.choice([[b"", payload], [b"", b"", payload], [payload, payload], [b""], [b"x", b"", payload]])
        return kind, [self.valid().SerializeToString()]


def fuzz(name, endpoint, pid, n, seed, env_id):
    rng = random.Random(seed)
    gen = Gen(rng, env_id or "")
    ctx = zmq.Context.instance()
    kinds, replies = collections.Counter(), collections.Counter()
    failures = []
    sock = None

    def fresh():
        s = ctx.socket(zmq.DEALER)
        s.setsockopt(zmq.LINGER, 0)
        s.setsockopt(zmq.RCVTIMEO, 10000)
        s.connect(endpoint)
        return s

    sock = fresh()
    rss0 = rss_kib(pid)
    rss_max = rss0
    start = time.monotonic()
    for i in range(n):
        if i % 500 == 0 and i:
            sock.close(0)
            sock = fresh()  # new identities too: sessions come and go
        kind, frames = gen.draw()
        kinds[kind] += 1
        sock.send_multipart(frames)
        try:
            while True:
                reply = sock.recv_multipart()
                payload = reply[-1]
                r = pb.Response()
                r.ParseFromString(payload)
                body = r.WhichOneof("body")
                replies["error " + pb.ErrorCode.Name(r.error.code).replace("ERROR_CODE_", "") if body == "error"
                        else body] += 1
                break
        except zmq.Again:
            failures.append(f"{name}: no reply within 10 s to message {i} ({kind}: {frames!r:.200})")
            sock.close(0)
            sock = fresh()
        except Exception as e:  # noqa: BLE001
            failures.append(f"{name}: bad reply to message {i} ({kind}): {e}")
        if i % 250 == 0:
            rss_max = max(rss_max, rss_kib(pid))
    # oversized: past the limit the server drops that client without an answer, and goes on
    oversized = 0
    if name != "cpp-default":
        for _ in range(5):
            big = fresh()
            big.send(b"\x0a" * (MAX_MESSAGE + 1 + rng.randrange(1000)))
            oversized += 1
            big.close(0)
    elapsed = time.monotonic() - start
    rss_max = max(rss_max, rss_kib(pid))
    sock.close(0)
    # a well-behaved client is served correctly afterwards
    env = RemoteEnv(endpoint, env_id, timeout=10)
    try:
        a, _ = env.reset(seed=5)
        b, _ = env.reset(seed=5)
        if not (a == b).all():
            failures.append(f"{name}: the same seed gave different observations after fuzzing")
        for t in range(20):
            _, reward, term, trunc, _ = env.step(t % 2)
            if term or trunc:
                env.reset()
    finally:
        env.close()
    bound = max(rss0 * 2, rss0 + 300 * 1024)
    if rss_max > bound:
        failures.append(f"{name}: resident memory grew from {rss0} KiB to {rss_max} KiB (bound {bound} KiB)")
    print(f"== {name} ({endpoint}): {n:,} messages + {oversized} oversized in {elapsed:.1f} s; "
          f"RSS {rss0 // 1024} MiB -> max {rss_max // 1024} MiB")
    print("   sent:    " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
    print("   replies: " + ", ".join(f"{k} {v}" for k, v in sorted(replies.items())))
    print(f"   afterwards: a well-behaved client reset and stepped correctly; failures: {len(failures)}")
    return failures


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--servers", default="java,python,cpp")
    args = parser.parse_args()
    failures = []
    wanted = args.servers.split(",")
    if "java" in wanted:
        with JavaServer("CartPole-v1", "--max-message-size", str(MAX_MESSAGE), jvm_args=["-Xmx256m"]) as server:
            failures += fuzz("java", server.endpoint, server.proc.pid, args.messages, args.seed, "CartPole-v1")
            if server.proc.poll() is not None:
                failures.append("java: the server died")
    if "python" in wanted:
        proc = subprocess.Popen([sys.executable, os.path.join(HERE, "tests", "fuzz_walk_server.py"), str(MAX_MESSAGE)],
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        try:
            endpoint = proc.stdout.readline().rsplit(" on ", 1)[1].strip()
            failures += fuzz("python", endpoint, proc.pid, args.messages, args.seed + 1, None)
            if proc.poll() is not None:
                failures.append("python: the server died")
        finally:
            proc.kill()
            proc.wait(10)
    if "cpp" in wanted:
        if not os.access(CPP, os.X_OK):
            print(f"== cpp: {CPP} is not built (cmake -S bridge/cpp -B bridge/cpp/build && cmake --build bridge/cpp/build)")
            if os.environ.get("CI"):
                failures.append("cpp: not built")
        else:
            proc = subprocess.Popen([CPP, "tcp://127.0.0.1:0"], stdout=subprocess.PIPE, text=True)
            try:
                endpoint = proc.stdout.readline().rsplit(" on ", 1)[1].strip()
                failures += fuzz("cpp-default", endpoint, proc.pid, args.messages, args.seed + 2, None)
                if proc.poll() is not None:
                    failures.append("cpp: the server died")
            finally:
                proc.kill()
                proc.wait(10)
    for f in failures[:30]:
        print("FAIL", f)
    print("OK" if not failures else f"{len(failures)} failures")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
