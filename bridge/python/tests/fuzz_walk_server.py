"""The walk env of walk_server.py served by gym4j_bridge.serve() with a message limit, for fuzz_bridge.py.

    python tests/fuzz_walk_server.py MAX_MESSAGE_SIZE
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from gym4j_bridge import serve  # noqa: E402
from tests.walk_server import WalkEnv  # noqa: E402

if __name__ == "__main__":
    server = serve(lambda env_id=None, **kwargs: WalkEnv(**kwargs), "tcp://127.0.0.1:0", block=False,
                   idle_timeout=60, max_message_size=int(sys.argv[1]))
    print(f"serving Walk on {server.endpoint}", flush=True)
    try:
        sys.stdin.read()
    finally:
        server.close()
