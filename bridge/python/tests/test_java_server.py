"""Python client against `gym4j serve` (the Java server): reference replay, faults, speed."""
import json
import os
import time
import unittest

import numpy as np
import zmq

from gym4j_bridge import BridgeError, BridgeTimeout, RemoteEnv, RemoteVectorEnv
from gym4j_bridge import bridge_pb2 as pb

from .javaserver import JavaServer

HERE = os.path.dirname(os.path.abspath(__file__))


class CartPoleReferenceReplayTest(unittest.TestCase):
    """Over ZeroMQ; CartPoleReferenceReplayOverShmTest runs the same through the shared-memory file."""
    server = None
    SHM = False

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
        env = RemoteEnv(self.server.endpoint, timeout=10, shm=self.SHM)
        try:
            self.assertEqual(env.shm_path is not None, self.SHM, env.shm_path)
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

    def test_gymnasium_env_checker_passes_when_gymnasium_is_installed(self):
        import gym4j_bridge
        if not gym4j_bridge.HAVE_GYMNASIUM:
            self.skipTest("gymnasium is not installed: RemoteEnv uses the package's own Env and spaces")
        import gymnasium
        from gymnasium.utils.env_checker import check_env
        env = RemoteEnv(self.server.endpoint, timeout=10)
        try:
            self.assertIsInstance(env, gymnasium.Env)
            self.assertIsInstance(env.observation_space, gymnasium.spaces.Box)
            import warnings
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                check_env(env, skip_render_check=True)
            # Gymnasium warns about CartPole's own infinite bounds locally too; nothing else may come up.
            others = [str(w.message) for w in caught if "infinity" not in str(w.message)]
            self.assertEqual(others, [])
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
            for seed in (2 ** 70, 2 ** 63, 2 ** 63 - 1, 10 ** 40 + 3):
                obs, _ = env.reset(seed=seed)
                # What Gymnasium's CartPole-v1 reset(seed=seed) returns: NumPy's default_rng(seed), any size.
                expected = np.random.default_rng(seed).uniform(low=-0.05, high=0.05, size=(4,)).astype(np.float32)
                np.testing.assert_array_equal(obs, expected, err_msg=f"seed {seed}")
        finally:
            env.close()
        vec = RemoteVectorEnv(self.server.endpoint, num_envs=2, timeout=10)
        try:
            with self.assertRaises(BridgeError) as caught:
                vec.reset(seed=2 ** 70)  # a vector env's base seed (sub-env i gets seed + i) is below 2**63
            self.assertEqual(caught.exception.code, "INVALID_ARGUMENT")
        finally:
            vec.close()

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


class CurveTest(unittest.TestCase):

    def test_encrypted_link_with_key_files(self):
        if not zmq.has("curve"):
            self.skipTest("this libzmq has no CURVE support")
        import tempfile
        public, secret = zmq.curve_keypair()
        with tempfile.TemporaryDirectory() as d:
            key = os.path.join(d, "server.key")
            with open(key, "w") as f:
                f.write("# gym4j bridge CURVE secret key\n" + secret.decode("ascii") + "\n")
            with JavaServer("CartPole-v1", "--curve-secret-key", key) as server:
                env = RemoteEnv(server.endpoint, timeout=10, curve_server_key=public.decode("ascii"))
                try:
                    obs, _ = env.reset(seed=3)
                    self.assertEqual(obs.shape, (4,))
                    env.step(0)
                finally:
                    env.close()
                with self.assertRaises(BridgeTimeout):
                    RemoteEnv(server.endpoint, timeout=0.8)  # no key: the server never answers


class ServerKilledTest(unittest.TestCase):

    def test_killed_server_fails_the_call_within_its_timeout_and_reset_reconnects(self):
        first = JavaServer("CartPole-v1").start()
        endpoint = first.endpoint
        env = RemoteEnv(endpoint, timeout=10.0)  # a dead server is still found within 3 s: heartbeats
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


class RemoteVectorEnvTest(unittest.TestCase):
    """Over ZeroMQ; RemoteVectorEnvOverShmTest runs the same through the shared-memory file."""
    server = None
    SHM = False

    @classmethod
    def setUpClass(cls):
        cls.server = JavaServer("CartPole-v1").start()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def test_sixteen_remote_envs_match_gymnasium_make_vec_when_installed(self):
        import gym4j_bridge
        if not gym4j_bridge.HAVE_GYMNASIUM:
            self.skipTest("gymnasium is not installed")
        import gymnasium
        from gym4j_bridge import RemoteVectorEnv
        n = 16
        local = gymnasium.make_vec("CartPole-v1", num_envs=n, vectorization_mode="sync")
        vec = RemoteVectorEnv(self.server.endpoint, num_envs=n, timeout=10, shm=self.SHM)
        try:
            self.assertEqual(vec.shm_path is not None, self.SHM, vec.shm_path)
            a, _ = local.reset(seed=5)
            b, _ = vec.reset(seed=5)
            np.testing.assert_array_equal(a, b)
            for t in range(300):
                actions = np.array([(t * 7 + i * 3) % 5 >= 2 for i in range(n)], dtype=np.int64)
                x = local.step(actions)
                y = vec.step(actions)
                for k in range(4):
                    np.testing.assert_array_equal(x[k], y[k], err_msg=f"step {t} part {k}")
        finally:
            vec.close()
            local.close()

    def test_sixteen_remote_envs_match_sixteen_local_ones(self):
        from gym4j_bridge import RemoteVectorEnv
        n = 16
        singles = [RemoteEnv(self.server.endpoint, timeout=10, shm=self.SHM) for _ in range(n)]
        vec = RemoteVectorEnv(self.server.endpoint, num_envs=n, timeout=10, shm=self.SHM)
        try:
            self.assertEqual(vec.shm_path is not None, self.SHM, vec.shm_path)
            self.assertEqual(singles[0].shm_path is not None, self.SHM, singles[0].shm_path)
            self.assertEqual(vec.num_envs, n)
            self.assertEqual(vec.observation_space.shape, (n, 4))
            obs, _ = vec.reset(seed=5)
            expected = np.stack([e.reset(seed=5 + i)[0] for i, e in enumerate(singles)])
            np.testing.assert_array_equal(obs, expected)
            pending = [False] * n
            ends = 0
            for t in range(200):
                actions = np.array([(t * 7 + i * 3) % 5 >= 2 for i in range(n)], dtype=np.int64)
                obs, rewards, terminated, truncated, _ = vec.step(actions)
                for i, e in enumerate(singles):
                    if pending[i]:
                        o, _ = e.reset()
                        r, te, tr = 0.0, False, False
                        pending[i] = False
                    else:
                        o, r, te, tr, _ = e.step(int(actions[i]))
                        pending[i] = te or tr
                        ends += pending[i]
                    np.testing.assert_array_equal(obs[i], o, err_msg=f"env {i} step {t}")
                    self.assertEqual((rewards[i], terminated[i], truncated[i]), (r, te, tr))
            self.assertGreater(ends, n)
        finally:
            vec.close()
            for e in singles:
                e.close()


class CartPoleReferenceReplayOverShmTest(CartPoleReferenceReplayTest):
    SHM = True


class RemoteVectorEnvOverShmTest(RemoteVectorEnvTest):
    SHM = True
