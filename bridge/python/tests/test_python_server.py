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


if __name__ == "__main__":
    unittest.main()
