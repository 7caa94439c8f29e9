"""Gymnasium-native use of the Python client against `gym4j serve`: spec, pickling, register/make, actions."""
import functools
import pickle
import unittest
import warnings

import numpy as np

import gym4j_bridge
from gym4j_bridge import BridgeError, RemoteEnv, RemoteVectorEnv

from .javaserver import JavaServer


def _same(env):
    return env


def _need_gymnasium(test):
    if not gym4j_bridge.HAVE_GYMNASIUM:
        test.skipTest("gymnasium is not installed")


class ErgonomicsTest(unittest.TestCase):
    server = None

    @classmethod
    def setUpClass(cls):
        cls.server = JavaServer("CartPole-v1").start()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def env(self, *args, **kwargs):
        e = RemoteEnv(self.server.endpoint, *args, timeout=10, **kwargs)
        self.addCleanup(e.close)
        return e

    def test_spec_is_a_gymnasium_env_spec_and_check_env_gives_no_spec_warning(self):
        _need_gymnasium(self)
        import gymnasium
        from gymnasium.utils.env_checker import check_env
        env = self.env()
        self.assertIsInstance(env.spec, gymnasium.envs.registration.EnvSpec)
        self.assertEqual(env.spec.id, "CartPole-v1")
        self.assertEqual(env.spec.max_episode_steps, 500)
        self.assertEqual(env.spec.reward_threshold, 475.0)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            check_env(env, skip_render_check=True)  # includes the close check, which makes env.spec.make()
        messages = [str(w.message) for w in caught]
        self.assertEqual([m for m in messages if "spec" in m.lower()], [])
        self.assertEqual([m for m in messages if "infinity" not in m], [])
        again = env.spec.make()  # gymnasium.make(spec): a new remote env, wrapped as make wraps
        try:
            self.assertEqual(again.unwrapped.address, self.server.endpoint)
            obs, _ = again.reset(seed=3)
            np.testing.assert_array_equal(obs, env.reset(seed=3)[0])
        finally:
            again.close()

    def test_without_gymnasium_spec_still_describes_the_registration(self):
        env = self.env("Pendulum-v1")
        self.assertEqual(env.spec.id, "Pendulum-v1")
        self.assertEqual(env.spec.max_episode_steps, 200)
        self.assertIs(env.remote_spec.max_episode_steps, 200)

    def test_pickle_round_trip_connects_a_fresh_env_with_the_same_id_and_kwargs(self):
        env = self.env("Pendulum-v1", g=3.0)
        copy = pickle.loads(pickle.dumps(env))
        self.addCleanup(copy.close)
        self.assertIsNot(copy._conn, env._conn)
        self.assertEqual((copy.address, copy.spec.id), (env.address, "Pendulum-v1"))
        a, _ = env.reset(seed=11)
        b, _ = copy.reset(seed=11)
        np.testing.assert_array_equal(a, b)
        action = np.array([0.5], dtype=np.float32)
        for _ in range(20):
            np.testing.assert_array_equal(env.step(action)[0], copy.step(action)[0])  # g=3.0 went along too
        twice = pickle.loads(pickle.dumps(copy))
        self.addCleanup(twice.close)
        twice.reset(seed=0)

    def test_vector_env_pickles_too(self):
        vec = RemoteVectorEnv(self.server.endpoint, num_envs=4, timeout=10)
        self.addCleanup(vec.close)
        copy = pickle.loads(pickle.dumps(vec))
        self.addCleanup(copy.close)
        self.assertEqual(copy.num_envs, 4)
        np.testing.assert_array_equal(vec.reset(seed=2)[0], copy.reset(seed=2)[0])

    def test_runs_inside_async_vector_env_with_the_spawn_context(self):
        _need_gymnasium(self)
        import gymnasium
        shipped = RemoteEnv(self.server.endpoint, timeout=10)  # AsyncVectorEnv closes its parent-side dummy
        # each worker process gets the pickled RemoteEnv and connects its own env on the server
        fns = [functools.partial(_same, shipped) for _ in range(3)]
        env = self.env()
        vec = gymnasium.vector.AsyncVectorEnv(fns, context="spawn")
        try:
            obs, _ = vec.reset(seed=7)
            self.assertEqual(obs.shape, (3, 4))
            expected = np.stack([env.reset(seed=7 + i)[0] for i in range(3)])
            np.testing.assert_array_equal(obs, expected)
            for _ in range(30):
                obs, rewards, _, _, _ = vec.step(np.array([1, 0, 1]))
            self.assertEqual(rewards.shape, (3,))
        finally:
            vec.close()

    def test_register_then_make_and_make_vec(self):
        _need_gymnasium(self)
        import gymnasium
        ids = gym4j_bridge.register(self.server.endpoint, timeout=10)
        self.assertIn("gym4j/CartPole-v1", ids)
        self.assertIn("gym4j/Pendulum-v1", ids)
        env = gymnasium.make("gym4j/CartPole-v1")
        try:
            self.assertEqual(env.spec.max_episode_steps, 500)
            self.assertIsInstance(env.unwrapped, RemoteEnv)
            obs, _ = env.reset(seed=42)
            expected = gymnasium.make("CartPole-v1").reset(seed=42)[0]
            np.testing.assert_array_equal(obs, expected)
        finally:
            env.close()
        vec = gymnasium.make_vec("gym4j/CartPole-v1", num_envs=8)
        try:
            self.assertIsInstance(vec, RemoteVectorEnv)
            self.assertIsInstance(vec, gymnasium.vector.VectorEnv)
            self.assertEqual(vec.metadata["autoreset_mode"], gymnasium.vector.AutoresetMode.NEXT_STEP)
            local = gymnasium.make_vec("CartPole-v1", num_envs=8, vectorization_mode="sync")
            np.testing.assert_array_equal(vec.reset(seed=1)[0], local.reset(seed=1)[0])
            for t in range(100):
                a = np.array([(t + i) % 3 == 0 for i in range(8)], dtype=np.int64)
                x, y = vec.step(a), local.step(a)
                for k in range(4):
                    np.testing.assert_array_equal(x[k], y[k])
            local.close()
        finally:
            vec.close()
        sync = gymnasium.make_vec("gym4j/Pendulum-v1", num_envs=2, vectorization_mode="sync")
        try:
            self.assertEqual(sync.reset(seed=0)[0].shape, (2, 3))
        finally:
            sync.close()
        with self.assertRaises(BridgeError):
            gym4j_bridge.register(self.server.endpoint, ids=["NoSuch-v0"])

    def test_invalid_actions_are_rejected_as_gymnasium_would_naming_the_space(self):
        env = self.env()
        env.reset(seed=0)
        for bad in (2.5, 2.0, 2, -1, "1", None, True, np.array([1]), np.float32(1.0), [0]):
            with self.assertRaises(BridgeError, msg=repr(bad)) as caught:
                env.step(bad)
            self.assertEqual(caught.exception.code, "INVALID_ACTION")
            self.assertIn("Discrete(2)", str(caught.exception))
            if gym4j_bridge.HAVE_GYMNASIUM:
                self.assertFalse(env.action_space.contains(bad) and not isinstance(bad, bool), repr(bad))
        for good in (0, 1, np.int64(1), np.int32(0), np.array(1)):
            env.step(good)
        pend = self.env("Pendulum-v1")
        pend.reset(seed=0)
        for bad in (np.array([0.1, 0.2]), np.array([np.nan]), "x", [[0.1]]):
            with self.assertRaises(BridgeError, msg=repr(bad)) as caught:
                pend.step(bad)
            self.assertIn("Box(", str(caught.exception))
        pend.step(np.array([0.3]))  # float64 into a float32 box: converted, as Gymnasium's envs take it
        pend.step([0.3])
        vec = RemoteVectorEnv(self.server.endpoint, num_envs=2, timeout=10)
        self.addCleanup(vec.close)
        vec.reset(seed=0)
        with self.assertRaises(BridgeError) as caught:
            vec.step(np.array([0.5, 1.0]))
        self.assertIn("MultiDiscrete", str(caught.exception))
        vec.step(np.array([0, 1]))


if __name__ == "__main__":
    unittest.main()
