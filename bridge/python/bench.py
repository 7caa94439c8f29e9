"""Round trips per second of the Python clients against `gym4j serve` over tcp loopback (a report, not a test).

    python3 bridge/python/bench.py [--seconds S]

Starts `java -jar rollout-worker/target/gym4j.jar serve CartPole-v1` on a free port (GYM4J_JAR overrides
the jar), measures single-env RemoteEnv steps and 64-env RemoteVectorEnv env-steps, and stops the server.
"""
import argparse
import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from gym4j_bridge import RemoteEnv, RemoteVectorEnv  # noqa: E402
from tests.javaserver import JavaServer  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=3.0)
    args = parser.parse_args()
    with JavaServer("CartPole-v1") as server:
        env = RemoteEnv(server.endpoint, timeout=10)
        env.reset(seed=0)
        n, start = 0, time.perf_counter()
        while time.perf_counter() - start < args.seconds:
            _, _, term, trunc, _ = env.step(n & 1)
            n += 1
            if term or trunc:
                env.reset()
        print(f"Python RemoteEnv CartPole-v1: {n / (time.perf_counter() - start):,.0f} round trips/s")
        env.close()
        vec = RemoteVectorEnv(server.endpoint, num_envs=64, timeout=10)
        vec.reset(seed=0)
        actions = np.zeros(64, dtype=np.int64)
        batches, start = 0, time.perf_counter()
        while time.perf_counter() - start < args.seconds:
            actions[batches % 64] ^= 1
            vec.step(actions)
            batches += 1
        print(f"Python RemoteVectorEnv 64 x CartPole-v1: {batches * 64 / (time.perf_counter() - start):,.0f} env-steps/s")
        vec.close()


if __name__ == "__main__":
    main()
