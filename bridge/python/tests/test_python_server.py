"""serve() of a Python env used by the Python client (the Java side of this is PythonServedEnvContractTest)."""
import unittest

import numpy as np

from gym4j_bridge import BridgeError, RemoteEnv, serve

from .walk_server import WalkEnv


class PythonServerTest(unittest.TestCase):

    def test_a_served_env_behaves_like_the_local_one(self):
        server = serve(lambda env_id=None, **kw: WalkEnv(**kw), "tcp://127.0.0.1:0", block=False)
        try:
            local = WalkEnv()
            remote = RemoteEnv(server.endpoint, timeout=5)
            self.assertEqual(remote.action_space, local.action_space)
            a, _ = local.reset(seed=9)
            b, _ = remote.reset(seed=9)
            np.testing.assert_array_equal(a, b)
            for t in range(50):
                x = local.step(t % 3)
                y = remote.step(t % 3)
                np.testing.assert_array_equal(x[0], y[0])
                self.assertEqual(x[1:4], y[1:4])
            with self.assertRaises(BridgeError):
                remote.step(9)
            self.assertEqual(server.active_clients, 1)
            remote.close()
            self.assertEqual(server.active_clients, 0)
        finally:
            server.close()

    def test_garbage_and_wrong_versions_get_error_replies(self):
        import zmq
        from gym4j_bridge import bridge_pb2 as pb
        server = serve(lambda env_id=None, **kw: WalkEnv(**kw), "tcp://127.0.0.1:0", block=False)
        s = zmq.Context.instance().socket(zmq.DEALER)
        s.setsockopt(zmq.LINGER, 0)
        s.setsockopt(zmq.RCVTIMEO, 5000)
        s.connect(server.endpoint)
        try:
            s.send(b"\xff\x00garbage")
            self.assertEqual(pb.Response.FromString(s.recv()).error.code, pb.ERROR_CODE_BAD_MESSAGE)
            req = pb.Request(id=3)
            req.hello.protocol_version = 7
            s.send(req.SerializeToString())
            self.assertEqual(pb.Response.FromString(s.recv()).error.code, pb.ERROR_CODE_UNSUPPORTED_VERSION)
            req = pb.Request(id=4)
            req.step.SetInParent()
            s.send(req.SerializeToString())
            self.assertEqual(pb.Response.FromString(s.recv()).error.code, pb.ERROR_CODE_NO_SESSION)
            env = RemoteEnv(server.endpoint, timeout=5)
            env.reset(seed=1)
            env.close()
        finally:
            s.close(0)
            server.close()


if __name__ == "__main__":
    unittest.main()
