"""Speed of the Python clients against `gym4j serve`, next to local Gymnasium and to a raw pyzmq-to-JeroMQ
echo of the same message sizes (a report, not a test).

    python bridge/python/bench.py [--seconds S]

Starts `java -jar rollout-worker/target/gym4j.jar serve CartPole-v1` on a free port (GYM4J_JAR overrides
the jar) and, for the echo, a 20-line JeroMQ ROUTER (Java's source launcher, the jar's JeroMQ) that answers
every request with a reply of the size a CartPole step reply has. Prints steps/s for: local Gymnasium
(when installed), RemoteEnv over ZeroMQ and over the shared-memory path, the raw echo of a step's sizes,
and the same for a 64-env RemoteVectorEnv and its batch messages; then the ZeroMQ path as a share of the
raw echo. The rows are measured in alternating 0.1 s windows (each row gets --seconds in all), so that on a
shared, busy machine they all see the same load and the shares hold even when the absolute rates swing.
"""
import argparse
import os
import subprocess
import sys
import tempfile
import time

import numpy as np
import zmq

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from gym4j_bridge import HAVE_GYMNASIUM, RemoteEnv, RemoteVectorEnv  # noqa: E402
from gym4j_bridge import bridge_pb2 as pb  # noqa: E402
from gym4j_bridge import codec  # noqa: E402
from tests.javaserver import JAR, JavaServer  # noqa: E402

ECHO_JAVA = """
import org.zeromq.*;
public class Echo {
    public static void main(String[] args) {
        byte[] reply = new byte[Integer.parseInt(args[0])];
        try (ZContext ctx = new ZContext(1)) {
            ZMQ.Socket router = ctx.createSocket(SocketType.ROUTER);
            router.bind("tcp://127.0.0.1:*");
            System.out.println("echo on " + router.getLastEndpoint());
            System.out.flush();
            while (!Thread.currentThread().isInterrupted()) {
                byte[] identity = router.recv(0);
                router.recv(0);
                router.sendMore(identity);
                router.send(reply, 0);
            }
        }
    }
}
"""


def timed(seconds, one):
    n, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        one(n)
        n += 1
    return n / (time.perf_counter() - start)


class Interleaved:
    """Rates measured in alternating short windows, so that every row sees the same share of a busy
    machine's load (rows measured one after the other on a shared machine differ by 2x and more)."""

    def __init__(self):
        self.rows = []  # [label, one, factor, unit, calls, seconds]

    def add(self, label, one, factor=1, unit="steps/s", warmup=0.5):
        timed(warmup, one)  # warm-up (JIT, caches)
        self.rows.append([label, one, factor, unit, 0, 0.0, []])
        return len(self.rows) - 1

    def run(self, seconds, window=0.1):
        rounds = max(1, int(seconds / window))
        for _ in range(rounds):
            for row in self.rows:
                one, n, start = row[1], 0, time.perf_counter()
                while time.perf_counter() - start < window:
                    one(n)
                    n += 1
                took = time.perf_counter() - start
                row[4] += n
                row[5] += took
                row[6].append(n / took)

    def rate(self, i):
        row = self.rows[i]
        return row[2] * row[4] / row[5]

    def share(self, i, j):
        """The median over rounds of row i's rate as a share of row j's in the same round (robust to a
        round in which one of them was starved)."""
        return float(np.median([a / b for a, b in zip(self.rows[i][6], self.rows[j][6])])) * self.rows[i][2] / self.rows[j][2]


class Echo:
    """The raw echo: a JeroMQ ROUTER in a JVM of its own answering `reply_size` bytes to each request."""

    def __init__(self, request_size, reply_size):
        self._dir = tempfile.TemporaryDirectory()
        src = os.path.join(self._dir.name, "Echo.java")
        with open(src, "w") as f:
            f.write(ECHO_JAVA)
        self.proc = subprocess.Popen(["java", "-XX:+UseSerialGC", "-cp", JAR, src, str(reply_size)],
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        endpoint = self.proc.stdout.readline().split(" on ")[1].strip()
        self.socket = zmq.Context.instance().socket(zmq.DEALER)
        self.socket.setsockopt(zmq.LINGER, 0)
        self.socket.setsockopt(zmq.RCVTIMEO, 10000)
        self.socket.connect(endpoint)
        self.payload = b"\x08" * request_size

    def one(self, _):
        self.socket.send(self.payload)
        self.socket.recv()  # a blocking receive, as the client waits (in slices of 100 ms)

    def close(self):
        self.socket.close(0)
        self.proc.kill()
        self.proc.wait(10)
        self.proc.stdout.close()
        self._dir.cleanup()


def sizes(action_value, reply):
    req = pb.Request(id=123456)
    req.step.action.CopyFrom(action_value)
    return len(req.SerializeToString()), len(reply.SerializeToString())


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=3.0, help="measuring time of each row")
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} processors; rows measured in alternating "
          f"0.1 s windows, {args.seconds:g} s each", flush=True)
    bench = Interleaved()
    closers = []
    try:
        if HAVE_GYMNASIUM:
            import gymnasium
            for label, env in (("gymnasium.make", gymnasium.make("CartPole-v1")),
                               ("unwrapped", gymnasium.make("CartPole-v1").unwrapped)):
                env.reset(seed=0)

                def local(n, env=env):
                    _, _, term, trunc, _ = env.step(n & 1)
                    if term or trunc:
                        env.reset()
                bench.add(f"local Gymnasium CartPole-v1 ({label})", local)
            lvec = gymnasium.make_vec("CartPole-v1", num_envs=64, vectorization_mode="sync")
            lvec.reset(seed=0)
            lacts = np.zeros(64, dtype=np.int64)
            bench.add("local Gymnasium 64 x CartPole-v1 (SyncVectorEnv)", lambda n: lvec.step(lacts), 64, "env-steps/s")
        server = JavaServer("CartPole-v1").start()
        closers.append(server.stop)
        senv = RemoteEnv(server.endpoint, timeout=10, shm=True)
        closers.insert(0, senv.close)
        assert senv.shm_path, "the server offered no shared memory"
        senv.reset(seed=0)

        def sone(n):
            _, _, term, trunc, _ = senv.step(n & 1)
            if term or trunc:
                senv.reset()
        bench.add("RemoteEnv CartPole-v1 over shared memory", sone, warmup=2.0)  # the server's JIT
        svec = RemoteVectorEnv(server.endpoint, num_envs=64, timeout=10, shm=True)
        closers.insert(0, svec.close)
        assert svec.shm_path, "the server offered no shared memory"
        svec.reset(seed=0)
        sacts = np.zeros(64, dtype=np.int64)

        def svone(n):
            sacts[n % 64] ^= 1
            svec.step(sacts)
        bench.add("RemoteVectorEnv 64 x CartPole-v1 over shared memory", svone, 64, "env-steps/s", warmup=2.0)
        env = RemoteEnv(server.endpoint, timeout=10, shm=False)
        closers.insert(0, env.close)
        env.reset(seed=0)

        def one(n):
            _, _, term, trunc, _ = env.step(n & 1)
            if term or trunc:
                env.reset()
        remote = bench.add("RemoteEnv CartPole-v1 over ZeroMQ (tcp loopback)", one, warmup=2.0)  # the server's JIT
        step_reply = pb.Response(id=123456)
        o, *_ = env.step(0)
        step_reply.step.observation.CopyFrom(codec.encode(env.observation_space, o))
        step_reply.step.reward = 1.0
        single_sizes = sizes(codec.encode(env.action_space, 1), step_reply)

        vec = RemoteVectorEnv(server.endpoint, num_envs=64, timeout=10, shm=False)
        closers.insert(0, vec.close)
        vec.reset(seed=0)
        actions = np.zeros(64, dtype=np.int64)

        def vone(n):
            actions[n % 64] ^= 1
            vec.step(actions)
        vremote = bench.add("RemoteVectorEnv 64 x CartPole-v1 over ZeroMQ", vone, 64, "env-steps/s", warmup=2.0)
        obs, rewards, term, trunc, _ = vec.step(actions)
        vreply = pb.Response(id=123456)
        vs = vreply.vector_step
        vs.observations.CopyFrom(codec.encode(vec.observation_space, obs))
        vs.rewards.CopyFrom(codec.tensor(rewards, np.float64))
        vs.terminated.CopyFrom(codec.tensor(term, np.bool_))
        vs.truncated.CopyFrom(codec.tensor(trunc, np.bool_))
        vreq = pb.Request(id=123456)
        vreq.vector_step.actions.CopyFrom(codec.encode(vec.action_space, actions))
        vector_sizes = (len(vreq.SerializeToString()), len(vreply.SerializeToString()))

        echo = Echo(*single_sizes)
        closers.append(echo.close)
        raw = bench.add(f"raw pyzmq -> JeroMQ echo, {single_sizes[0]} B request / {single_sizes[1]} B reply", echo.one,
                        1, "round trips/s", warmup=2.0)
        vecho = Echo(*vector_sizes)
        closers.append(vecho.close)
        vraw = bench.add(f"raw pyzmq -> JeroMQ echo, {vector_sizes[0]} B / {vector_sizes[1]} B (64-env batch)", vecho.one,
                         64, "env-steps/s", warmup=2.0)
        bench.run(args.seconds)
    finally:
        for close in closers:
            close()
    width = max(len(r[0]) for r in bench.rows)
    for i, row in enumerate(bench.rows):
        print(f"{row[0]:<{width}}  {bench.rate(i):>12,.0f} {row[3]}")
    print(f"ZeroMQ path vs raw echo (median of the rounds' shares): single {bench.share(remote, raw):.0%}, "
          f"64-env vector {bench.share(vremote, vraw):.0%}; of the totals: single "
          f"{bench.rate(remote) / bench.rate(raw):.0%}, 64-env vector {bench.rate(vremote) / bench.rate(vraw):.0%}")


if __name__ == "__main__":
    main()
