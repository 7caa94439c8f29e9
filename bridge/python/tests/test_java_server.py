"""Python client against `gym4j serve` (the Java server): reference replay, faults, speed."""
import json
import os
import time
import unittest

import numpy as np
import zmq

from gym4j_bridge import BridgeError, BridgeTimeout, RemoteEnv
from gym4j_bridge import bridge_pb2 as pb

from .javaserver import JavaServer

HERE = os.path.dirname(os.path.abspath(__file__))


class CartPoleReferenceReplayTest(unittest.TestCase):
    server = None

    @classmethod
    def setUpClass(cls):
        cls.server = JavaServer("CartPole-v1").start()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def test_replays_the_gymnasium_reference_exactly(self):
        with open(os.path.join(HERE, "data", "CartPole-v1.jsonl")) as f:
            lines = [json.loads(line) for line in f]
        header, runs = lines[0], lines[1:]
        env = RemoteEnv(self.server.endpoint, timeout=10)
        try:
            self.assertEqual(env.remote_spec.id, "CartPole-v1")
            self.assertEqual(env.remote_spec.max_episode_steps, header["spec"]["max_episode_steps"])
            self.assertEqual(env.action_space.n, header["action_space"]["n"])
            self.assertEqual(env.observation_space.shape, tuple(header["observation_space"]["shape"]))
            self.assertEqual(env.metadata["render_fps"], header["metadata"]["render_fps"])
            steps = 0
            for run in runs:
                for e, episode in enumerate(run["episodes"]):
                    where = f"seed {run['seed']} {run['policy']} episode {e}"
                    obs, info = env.reset(seed=episode["reset"]["seed"], options=episode["reset"]["options"])
                    np.testing.assert_array_equal(obs, np.asarray(episode["reset_obs"], dtype=np.float32), err_msg=where)
                    self.assertEqual(obs.dtype, np.float32)
                    for t, row in enumerate(episode["steps"]):
                        action, ref_obs, reward, terminated, truncated = row[:5]
                        obs, r, term, trunc, _ = env.step(action)
                        steps += 1
                        np.testing.assert_array_equal(obs, np.asarray(ref_obs, dtype=np.float32), err_msg=f"{where} step {t}")
                        self.assertEqual((r, term, trunc), (reward, bool(terminated), bool(truncated)), f"{where} step {t}")
            self.assertGreater(steps, 2000)
        finally:
            env.close()

    def test_unknown_env_id_suggests_ids(self):
        with self.assertRaises(BridgeError) as caught:
            RemoteEnv(self.server.endpoint, "CartPol-v1", timeout=10)
        self.assertEqual(caught.exception.code, "ENV_NOT_FOUND")
        self.assertIn("CartPole-v1", str(caught.exception))

    def test_invalid_action_is_an_error_reply_and_the_env_goes_on(self):
        env = RemoteEnv(self.server.endpoint, timeout=10)
        try:
            env.reset(seed=0)
            with self.assertRaises(BridgeError) as caught:
                env.step(5)
            self.assertEqual(caught.exception.code, "INVALID_ACTION")
            env.step(1)
        finally:
            env.close()

    def test_seed_of_any_size_reaches_the_server(self):
        env = RemoteEnv(self.server.endpoint, timeout=10)
        try:
            with self.assertRaises(BridgeError) as caught:
                env.reset(seed=2 ** 70 + 5)  # Java envs take seeds below 2**63: a clear error, not a wrap-around
            self.assertEqual(caught.exception.code, "INVALID_ARGUMENT")
            env.reset(seed=2 ** 63 - 1)
        finally:
            env.close()

    def test_garbage_truncated_and_wrong_version_get_error_replies(self):
        ctx = zmq.Context.instance()
        s = ctx.socket(zmq.DEALER)
        s.setsockopt(zmq.LINGER, 0)
        s.setsockopt(zmq.RCVTIMEO, 5000)
        s.connect(self.server.endpoint)
        try:
            s.send(b"\xff\xfe garbage \x00\x01")
            r = pb.Response.FromString(s.recv())
            self.assertEqual(r.error.code, pb.ERROR_CODE_BAD_MESSAGE)
            req = pb.Request(id=7)
            req.hello.protocol_version = 1
            req.hello.env_id = "CartPole-v1"
            data = req.SerializeToString()
            s.send(data[:len(data) - 3])
            r = pb.Response.FromString(s.recv())
            self.assertEqual(r.error.code, pb.ERROR_CODE_BAD_MESSAGE)
            req.hello.protocol_version = 99
            s.send(req.SerializeToString())
            r = pb.Response.FromString(s.recv())
            self.assertEqual(r.error.code, pb.ERROR_CODE_UNSUPPORTED_VERSION)
            self.assertIn("version 1", r.error.message)
        finally:
            s.close(0)
        # the server keeps serving others
        env = RemoteEnv(self.server.endpoint, timeout=10)
        env.reset(seed=1)
        env.close()

    def test_round_trips_per_second(self):
        env = RemoteEnv(self.server.endpoint, timeout=10)
        try:
            env.reset(seed=0)
            n, done, start = 0, False, time.perf_counter()
            while time.perf_counter() - start < 1.5:
                _, _, term, trunc, _ = env.step(n & 1)
                n += 1
                if term or trunc:
                    env.reset()
            rate = n / (time.perf_counter() - start)
            print(f"\nPython RemoteEnv CartPole-v1 over tcp loopback: {rate:,.0f} round trips/s")
            self.assertGreater(rate, 50)  # a report, not a benchmark: CI machines are shared
        finally:
            env.close()


class ServerKilledTest(unittest.TestCase):

    def test_killed_server_fails_the_call_within_its_timeout_and_reset_reconnects(self):
        first = JavaServer("CartPole-v1").start()
        endpoint = first.endpoint
        env = RemoteEnv(endpoint, timeout=1.0)
        try:
            env.reset(seed=0)
            env.step(0)
            first.kill()
            start = time.monotonic()
            with self.assertRaises(BridgeTimeout) as caught:
                env.step(1)
            self.assertLess(time.monotonic() - start, 3.0)
            self.assertIn(endpoint, str(caught.exception))
            with JavaServer("CartPole-v1", bind=endpoint):
                obs, _ = env.reset(seed=0)  # a fresh server: the client handshakes again by itself
                self.assertEqual(obs.shape, (4,))
                env.step(1)
        finally:
            env.close()
            first.stop()


if __name__ == "__main__":
    unittest.main()
