"""serve() of a Python vector env used by the package's RemoteVectorEnv (the Java side of this is
PythonServedVectorEnvTest)."""
import unittest

import numpy as np
import zmq

from gym4j_bridge import BridgeError, RemoteEnv, RemoteVectorEnv, serve
from gym4j_bridge import bridge_pb2 as pb

from .vector_walk_server import VectorWalkEnv

N = 4


class PythonVectorServerTest(unittest.TestCase):

    def setUp(self):
        self.made = []

        def make(env_id=None, **kwargs):
            env = VectorWalkEnv(N, **kwargs)
            self.made.append(env)
            return env
        self.server = serve(make, "tcp://127.0.0.1:0", block=False)

    def tearDown(self):
        self.server.close()

    def test_a_served_vector_env_behaves_like_the_local_one(self):
        local = VectorWalkEnv(N)
        remote = RemoteVectorEnv(self.server.endpoint, num_envs=N, timeout=5)
        try:
            self.assertEqual(remote.num_envs, N)
            self.assertEqual(remote.observation_space, local.observation_space)
            self.assertEqual(remote.action_space, local.action_space)
            self.assertEqual(remote.single_observation_space, local.single_observation_space)
            self.assertEqual(remote.single_action_space, local.single_action_space)
            a, ai = local.reset(seed=5)
            b, bi = remote.reset(seed=5)
            np.testing.assert_array_equal(a, b)
            np.testing.assert_array_equal(ai["t"], bi["t"])
            ends = 0
            for step in range(400):
                actions = np.array([(step + 2 * i) % 3 for i in range(N)])
                x = local.step(actions)
                y = remote.step(actions)
                for u, v in zip(x[:4], y[:4]):
                    np.testing.assert_array_equal(u, v)
                self.assertEqual(y[1].dtype, np.float64)
                np.testing.assert_array_equal(x[4]["t"], y[4]["t"])
                np.testing.assert_array_equal(x[4]["_t"], y[4]["_t"])
                ends += int(np.sum(x[2] | x[3]))
            self.assertGreater(ends, N, "episodes should end and autoreset")
            mask = np.array([True, False, False, True])
            a, ai = local.reset(options={"reset_mask": mask})
            b, bi = remote.reset(options={"reset_mask": mask})
            np.testing.assert_array_equal(a, b)
            np.testing.assert_array_equal(bi["_t"], mask)
        finally:
            remote.close()
        self.assertTrue(self.made[0].closed, "Close frees the client's vector env")
        self.assertEqual(self.server.active_clients, 0)

    def test_seed_lists_reset_each_sub_env_with_its_own_seed(self):
        remote = RemoteVectorEnv(self.server.endpoint, num_envs=N, timeout=5)
        try:
            b, _ = remote.reset(seed=[7, 8, 9, 10])
            a, _ = VectorWalkEnv(N).reset(seed=7)
            np.testing.assert_array_equal(a, b)
            with self.assertRaises(BridgeError) as caught:
                remote.reset(seed=[1, 2])
            self.assertEqual(caught.exception.code, "INVALID_ARGUMENT")
        finally:
            remote.close()

    def test_bad_actions_and_wrong_sizes_are_error_replies(self):
        remote = RemoteVectorEnv(self.server.endpoint, num_envs=0, timeout=5)  # 0: whatever the server serves
        try:
            self.assertEqual(remote.num_envs, N)
            remote.reset(seed=1)
            with self.assertRaises(BridgeError):
                remote.step(np.array([0, 1, 7, 0]))
            remote.step(np.array([0, 1, 2, 0]))  # the env goes on
        finally:
            remote.close()
        with self.assertRaises(BridgeError) as caught:
            RemoteVectorEnv(self.server.endpoint, num_envs=N + 1, timeout=5)
        self.assertEqual(caught.exception.code, "UNSUPPORTED")
        self.assertIn(f"vector env of {N}", str(caught.exception))

    def test_single_env_requests_are_refused_by_a_vector_session(self):
        s = zmq.Context.instance().socket(zmq.DEALER)
        s.setsockopt(zmq.LINGER, 0)
        s.setsockopt(zmq.RCVTIMEO, 5000)
        s.connect(self.server.endpoint)
        try:
            req = pb.Request(id=1)
            req.hello.protocol_version = 1
            s.send(req.SerializeToString())
            reply = pb.Response.FromString(s.recv())
            self.assertEqual(reply.hello.env.num_envs, N)
            req = pb.Request(id=2)
            req.step.SetInParent()
            s.send(req.SerializeToString())
            self.assertEqual(pb.Response.FromString(s.recv()).error.code, pb.ERROR_CODE_UNSUPPORTED)
        finally:
            s.close(0)

    def test_a_single_env_client_is_told_the_server_serves_a_vector_env(self):
        with self.assertRaises(BridgeError) as caught:
            RemoteEnv(self.server.endpoint, timeout=5)
        self.assertIn("vector", str(caught.exception))


if __name__ == "__main__":
    unittest.main()
