"""The shared-memory path from Python against `gym4j serve`: negotiation, the same results as over ZeroMQ,
dead and stopped servers found within seconds naming the file, killed clients and servers leave no files."""
import glob
import os
import signal
import subprocess
import sys
import time
import unittest

import numpy as np

from gym4j_bridge import BridgeError, BridgeTimeout, RemoteEnv, RemoteVectorEnv
from gym4j_bridge import shm as shm_module

from .javaserver import JavaServer

HERE = os.path.dirname(os.path.abspath(__file__))


def _wait_stopped(pid, seconds=5.0):
    # kill(SIGSTOP) returns before every thread of the target has stopped; a fast path can still be answered
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with open(f"/proc/{pid}/stat") as f:
            if f.read().rsplit(")", 1)[1].split()[0] == "T":
                return
        time.sleep(0.01)
    raise AssertionError(f"process {pid} did not stop")


def _wait_gone(path, seconds):
    deadline = time.monotonic() + seconds
    while os.path.exists(path) and time.monotonic() < deadline:
        time.sleep(0.05)
    return not os.path.exists(path)


class ShmTest(unittest.TestCase):
    server = None

    @classmethod
    def setUpClass(cls):
        cls.server = JavaServer("CartPole-v1").start()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def test_a_loopback_client_takes_an_owner_only_file_that_close_removes(self):
        env = RemoteEnv(self.server.endpoint, timeout=10)
        path = env.shm_path
        self.assertIsNotNone(path)
        self.assertEqual(os.stat(path).st_mode & 0o777, 0o600)
        env.reset(seed=0)
        self.assertEqual(env.step(1)[1], 1.0)
        env.close()
        self.assertTrue(_wait_gone(path, 2.0), f"{path} should be removed at close")

    def test_the_kwarg_and_the_environment_variable_turn_it_off(self):
        env = RemoteEnv(self.server.endpoint, timeout=10, shm=False)
        self.assertIsNone(env.shm_path)
        env.close()
        old = os.environ.get("GYM4J_SHM")
        os.environ["GYM4J_SHM"] = "0"
        try:
            env = RemoteEnv(self.server.endpoint, timeout=10)
            self.assertIsNone(env.shm_path)
            env.close()
        finally:
            if old is None:
                del os.environ["GYM4J_SHM"]
            else:
                os.environ["GYM4J_SHM"] = old
        self.assertFalse(shm_module.same_host("tcp://10.1.2.3:5555"))

    def test_steps_and_errors_are_the_same_as_over_zeromq(self):
        a = RemoteEnv(self.server.endpoint, timeout=10, shm=True)
        b = RemoteEnv(self.server.endpoint, timeout=10, shm=False)
        try:
            self.assertIsNotNone(a.shm_path)
            for env in (a, b):
                with self.assertRaises(BridgeError) as caught:
                    env.step(0)  # before reset
                self.assertEqual(caught.exception.code, "RESET_NEEDED")
            np.testing.assert_array_equal(a.reset(seed=9)[0], b.reset(seed=9)[0])
            for t in range(600):
                action = (t * 5 + t // 7) % 2
                x, y = a.step(action), b.step(action)
                np.testing.assert_array_equal(x[0], y[0], err_msg=f"step {t}")
                self.assertEqual(x[0].dtype, y[0].dtype)
                self.assertEqual(x[1:], y[1:], f"step {t}")
                self.assertEqual((type(x[1]), type(x[2])), (type(y[1]), type(y[2])))
                if x[2] or x[3]:
                    np.testing.assert_array_equal(a.reset()[0], b.reset()[0])
            with self.assertRaises(BridgeError):
                a.step(2.5)
            self.assertIsNotNone(a.shm_path, "an error keeps the shared-memory path")
        finally:
            a.close()
            b.close()

    def test_a_vector_env_over_shm_matches_one_over_zeromq(self):
        a = RemoteVectorEnv(self.server.endpoint, num_envs=8, timeout=10, shm=True)
        b = RemoteVectorEnv(self.server.endpoint, num_envs=8, timeout=10, shm=False)
        try:
            self.assertIsNotNone(a.shm_path)
            np.testing.assert_array_equal(a.reset(seed=3)[0], b.reset(seed=3)[0])
            actions = np.zeros(8, dtype=np.int64)
            for t in range(300):
                actions[t % 8] ^= 1
                x, y = a.step(actions), b.step(actions)
                for k in range(4):
                    np.testing.assert_array_equal(x[k], y[k], err_msg=f"step {t} part {k}")
                    self.assertEqual(x[k].dtype, y[k].dtype)
                self.assertEqual(x[4].keys(), y[4].keys())
        finally:
            a.close()
            b.close()

    def test_a_killed_client_leaves_no_file(self):
        code = ("import sys; sys.path.insert(0, %r)\n"
                "from gym4j_bridge import RemoteEnv\n"
                "env = RemoteEnv(%r, timeout=10); env.reset(seed=0); env.step(1)\n"
                "print(env.shm_path, flush=True); sys.stdin.read()\n") % (os.path.dirname(HERE), self.server.endpoint)
        proc = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        try:
            path = proc.stdout.readline().strip()
            self.assertTrue(path.startswith("/") and os.path.exists(path), path)
            proc.kill()
            proc.wait(10)
            self.assertTrue(_wait_gone(path, 3.0), f"the server should remove {path} of a killed client")
        finally:
            proc.kill()
            proc.stdin.close()
            proc.stdout.close()


class ShmLivenessTest(unittest.TestCase):

    def assert_fails_fast(self, call, *names):
        start = time.monotonic()
        with self.assertRaises(BridgeTimeout) as caught:
            call()
        took = time.monotonic() - start
        self.assertLess(took, 3.0, str(caught.exception))
        for name in names:
            self.assertIn(name, str(caught.exception))
        return caught.exception

    def test_a_killed_server_fails_the_next_call_naming_the_file_and_a_new_server_removes_it(self):
        server = JavaServer("CartPole-v1").start()
        self.addCleanup(server.stop)
        env = RemoteEnv(server.endpoint)  # the default 30 s timeout
        self.addCleanup(env.close)
        env.reset(seed=0)
        path = env.shm_path
        self.assertIsNotNone(path)
        server.kill()
        self.assert_fails_fast(lambda: env.step(0), path, server.endpoint)
        self.assertTrue(os.path.exists(path), "a SIGKILLed server cannot remove its file")
        with JavaServer("CartPole-v1", bind=server.endpoint):
            self.assertTrue(_wait_gone(path, 2.0), f"the new server should remove the dead one's {path}")
            obs, _ = env.reset(seed=0)  # back on the same address: reset reconnects, over a new file
            self.assertEqual(obs.shape, (4,))
            self.assertIsNotNone(env.shm_path)
            self.assertNotEqual(env.shm_path, path)
            env.step(1)

    def test_a_stopped_server_fails_the_next_call_naming_the_file(self):
        server = JavaServer("CartPole-v1").start()
        self.addCleanup(server.stop)
        env = RemoteEnv(server.endpoint)
        self.addCleanup(env.close)
        vec = RemoteVectorEnv(server.endpoint, num_envs=4)
        self.addCleanup(vec.close)
        env.reset(seed=0)
        vec.reset(seed=0)
        path, vpath = env.shm_path, vec.shm_path
        os.kill(server.proc.pid, signal.SIGSTOP)
        try:
            _wait_stopped(server.proc.pid)
            self.assert_fails_fast(lambda: env.step(0), path)
            self.assert_fails_fast(lambda: vec.step(np.zeros(4, dtype=np.int64)), vpath)
        finally:
            os.kill(server.proc.pid, signal.SIGCONT)
        obs, _ = env.reset(seed=2)  # it runs again: reset reconnects
        self.assertEqual(obs.shape, (4,))


if __name__ == "__main__":
    unittest.main()
