"""Speed of the Python clients against `gym4j serve`, next to local Gymnasium and to a raw pyzmq-to-JeroMQ
echo of the same message sizes (a report, not a test).

    python bridge/python/bench.py [--seconds S]

Starts `java -jar rollout-worker/target/gym4j.jar serve CartPole-v1` on a free port (GYM4J_JAR overrides
the jar) and, for the echo, a 20-line JeroMQ ROUTER (Java's source launcher, the jar's JeroMQ) that answers
every request with a reply of the size a CartPole step reply has. Prints steps/s for: local Gymnasium
(when installed), RemoteEnv over ZeroMQ and over the shared-memory path, the raw echo of a step's sizes,
and the same for a 64-env RemoteVectorEnv and its batch messages; then the ZeroMQ path as a share of the
raw echo. --profile prints where the time of the shared-memory loops goes (cProfile).
"""
import argparse
import cProfile
import os
import pstats
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


def echo_rate(seconds, request_size, reply_size):
    with tempfile.TemporaryDirectory() as d:
        src = os.path.join(d, "Echo.java")
        with open(src, "w") as f:
            f.write(ECHO_JAVA)
        proc = subprocess.Popen(["java", "-XX:+UseSerialGC", "-cp", JAR, src, str(reply_size)], stdout=subprocess.PIPE,
                                text=True)
        try:
            endpoint = proc.stdout.readline().split(" on ")[1].strip()
            s = zmq.Context.instance().socket(zmq.DEALER)
            s.setsockopt(zmq.LINGER, 0)
            s.connect(endpoint)
            payload = b"\x08" * request_size
            poller = zmq.Poller()
            poller.register(s, zmq.POLLIN)

            def one(_):
                s.send(payload)
                poller.poll(10000)  # as the client does: poll, then receive
                s.recv()
            timed(0.5, one)  # warm-up (JIT)
            rate = timed(seconds, one)
            s.close(0)
            return rate
        finally:
            proc.kill()
            proc.wait(10)
            proc.stdout.close()


def sizes(action_value, reply):
    req = pb.Request(id=123456)
    req.step.action.CopyFrom(action_value)
    return len(req.SerializeToString()), len(reply.SerializeToString())


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--profile", action="store_true", help="cProfile the shared-memory loops")
    args = parser.parse_args()

    def profiled(label, seconds, one):
        if not args.profile:
            return timed(seconds, one)
        prof = cProfile.Profile()
        prof.enable()
        rate = timed(seconds, one)
        prof.disable()
        print(f"--- cProfile: {label}")
        pstats.Stats(prof).sort_stats("tottime").print_stats(12)
        return rate
    rows = []
    if HAVE_GYMNASIUM:
        import gymnasium
        for label, env in (("gymnasium.make", gymnasium.make("CartPole-v1")),
                           ("unwrapped", gymnasium.make("CartPole-v1").unwrapped)):
            env.reset(seed=0)

            def one(n, env=env):
                _, _, term, trunc, _ = env.step(n & 1)
                if term or trunc:
                    env.reset()
            rows.append((f"local Gymnasium CartPole-v1 ({label})", timed(args.seconds, one), "steps/s"))
        vec = gymnasium.make_vec("CartPole-v1", num_envs=64, vectorization_mode="sync")
        vec.reset(seed=0)
        acts = np.zeros(64, dtype=np.int64)
        rows.append(("local Gymnasium 64 x CartPole-v1 (SyncVectorEnv)",
                     64 * timed(args.seconds, lambda n: vec.step(acts)), "env-steps/s"))
    with JavaServer("CartPole-v1") as server:
        env = RemoteEnv(server.endpoint, timeout=10, shm=True)
        assert env.shm_path, "the server offered no shared memory"
        env.reset(seed=0)

        def sone(n):
            _, _, term, trunc, _ = env.step(n & 1)
            if term or trunc:
                env.reset()
        timed(1.5, sone)  # warm-up: the server's JIT compiles the raw step path (slower on a busy machine)
        rows.append(("RemoteEnv CartPole-v1 over shared memory", profiled("single env", args.seconds, sone), "steps/s"))
        env.close()
        vec = RemoteVectorEnv(server.endpoint, num_envs=64, timeout=10, shm=True)
        assert vec.shm_path, "the server offered no shared memory"
        vec.reset(seed=0)
        sacts = np.zeros(64, dtype=np.int64)

        def svone(n):
            sacts[n % 64] ^= 1
            vec.step(sacts)
        timed(1.5, svone)
        rows.append(("RemoteVectorEnv 64 x CartPole-v1 over shared memory", 64 * profiled("64-env vector env", args.seconds, svone),
                     "env-steps/s"))
        vec.close()

        env = RemoteEnv(server.endpoint, timeout=10, shm=False)
        env.reset(seed=0)

        def one(n):
            _, _, term, trunc, _ = env.step(n & 1)
            if term or trunc:
                env.reset()
        timed(0.5, one)
        remote = timed(args.seconds, one)
        rows.append(("RemoteEnv CartPole-v1 over ZeroMQ (tcp loopback)", remote, "steps/s"))
        step_reply = pb.Response(id=123456)
        o, *_ = env.step(0)
        step_reply.step.observation.CopyFrom(codec.encode(env.observation_space, o))
        step_reply.step.reward = 1.0
        single_sizes = sizes(codec.encode(env.action_space, 1), step_reply)
        env.close()

        vec = RemoteVectorEnv(server.endpoint, num_envs=64, timeout=10, shm=False)
        vec.reset(seed=0)
        actions = np.zeros(64, dtype=np.int64)

        def vone(n):
            actions[n % 64] ^= 1
            vec.step(actions)
        timed(0.5, vone)
        vremote = 64 * timed(args.seconds, vone)
        rows.append(("RemoteVectorEnv 64 x CartPole-v1 over ZeroMQ", vremote, "env-steps/s"))
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
        vec.close()
    echo = echo_rate(args.seconds, *single_sizes)
    rows.append((f"raw pyzmq -> JeroMQ echo, {single_sizes[0]} B request / {single_sizes[1]} B reply", echo,
                 "round trips/s"))
    vecho = echo_rate(args.seconds, *vector_sizes)
    rows.append((f"raw pyzmq -> JeroMQ echo, {vector_sizes[0]} B / {vector_sizes[1]} B (64-env batch)", vecho * 64,
                 "env-steps/s"))
    width = max(len(r[0]) for r in rows)
    for label, rate, unit in rows:
        print(f"{label:<{width}}  {rate:>12,.0f} {unit}")
    print(f"ZeroMQ path vs raw echo: single {remote / echo:.0%}, 64-env vector {vremote / (vecho * 64):.0%}")


if __name__ == "__main__":
    main()
