"""Dead and hung servers are found within seconds, slow ones are waited for: real server processes,
killed (SIGKILL) or stopped (SIGSTOP) with real signals, while the client keeps its 30-second timeout."""
import os
import signal
import subprocess
import sys
import time
import unittest

from gym4j_bridge import BridgeTimeout, RemoteEnv

from .javaserver import JavaServer

HERE = os.path.dirname(os.path.abspath(__file__))


class PythonServerProcess:
    """tests/walk_server.py in a process of its own (its env takes `step_seconds` per step when asked)."""

    def __init__(self):
        self.proc = subprocess.Popen([sys.executable, os.path.join(HERE, "walk_server.py"), "tcp://127.0.0.1:0"],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline()
        self.endpoint = line.rsplit(" on ", 1)[1].strip()

    def stop(self):
        self.proc.kill()
        self.proc.wait(10)
        self.proc.stdin.close()
        self.proc.stdout.close()


class LivenessTest(unittest.TestCase):

    def assert_fails_fast(self, call, address):
        start = time.monotonic()
        with self.assertRaises(BridgeTimeout) as caught:
            call()
        took = time.monotonic() - start
        self.assertLess(took, 3.0, str(caught.exception))
        self.assertIn(address, str(caught.exception))
        return caught.exception

    def test_a_killed_server_fails_the_call_in_flight_and_the_next_one_within_three_seconds(self):
        server = JavaServer("CartPole-v1").start()
        self.addCleanup(server.stop)
        env = RemoteEnv(server.endpoint)  # the default 30 s timeout
        self.addCleanup(env.close)
        env.reset(seed=0)
        env.step(1)
        server.kill()
        self.assert_fails_fast(lambda: env.step(0), server.endpoint)
        self.assert_fails_fast(lambda: env.reset(seed=1), server.endpoint)  # still gone: fails fast again
        with JavaServer("CartPole-v1", bind=server.endpoint):
            obs, _ = env.reset(seed=0)  # back: reset reconnects and handshakes again
            self.assertEqual(obs.shape, (4,))
            env.step(1)

    def test_a_stopped_server_fails_the_call_in_flight_and_an_idle_clients_next_call(self):
        server = JavaServer("CartPole-v1").start()
        self.addCleanup(server.stop)
        busy, idle = RemoteEnv(server.endpoint), RemoteEnv(server.endpoint)
        self.addCleanup(busy.close)
        self.addCleanup(idle.close)
        busy.reset(seed=0)
        idle.reset(seed=0)
        os.kill(server.proc.pid, signal.SIGSTOP)
        try:
            self.assert_fails_fast(lambda: busy.step(0), server.endpoint)
            time.sleep(2.0)  # the idle client's heartbeats notice meanwhile
            self.assert_fails_fast(lambda: idle.step(0), server.endpoint)
        finally:
            os.kill(server.proc.pid, signal.SIGCONT)
        obs, _ = busy.reset(seed=2)  # the server runs again: reset reconnects
        self.assertEqual(obs.shape, (4,))

    def test_a_server_whose_env_takes_five_seconds_per_step_is_waited_for(self):
        server = PythonServerProcess()
        self.addCleanup(server.stop)
        env = RemoteEnv(server.endpoint, step_seconds=5.0)
        self.addCleanup(env.close)
        env.reset(seed=0)
        start = time.monotonic()
        obs, reward, _, _, info = env.step(1)
        self.assertGreaterEqual(time.monotonic() - start, 4.9)
        self.assertEqual(info["t"], 1)


if __name__ == "__main__":
    unittest.main()
