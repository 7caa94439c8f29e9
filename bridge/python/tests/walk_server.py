"""A small Python env served with gym4j_bridge.serve(), for the Java side's tests (RemoteEnv under the testkit
contract). Prints "serving Walk on ENDPOINT" and serves until killed.

    python3 tests/walk_server.py [ADDRESS]
"""
import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from gym4j_bridge import serve, spaces  # noqa: E402
from gym4j_bridge._compat import Env  # noqa: E402


class WalkEnv(Env):
    """A walker on a line with a noisy push: Discrete(3) actions (left, stay, right), a float32 Box
    observation (position, velocity), reward -|position|; it terminates past +-1, truncates after 200 steps."""

    metadata = {"render_modes": ["rgb_array"], "render_fps": 10}

    def __init__(self, render_mode=None, step_seconds=0.0):
        self.observation_space = spaces.Box(low=np.array([-1.5, -1.0], dtype=np.float32),
                                            high=np.array([1.5, 1.0], dtype=np.float32), dtype=np.float32)
        self.action_space = spaces.Discrete(3)
        self.render_mode = render_mode
        self.step_seconds = float(step_seconds)  # a slow simulator's step, for the liveness tests
        self._rng = None
        self._state = None
        self._t = 0

    def reset(self, *, seed=None, options=None):
        if seed is not None or self._rng is None:
            self._rng = np.random.default_rng(seed)
        self._state = self._rng.uniform(-0.1, 0.1, size=2).astype(np.float32)
        self._t = 0
        return self._state.copy(), {"t": 0}

    def step(self, action):
        if self._state is None:
            raise RuntimeError("ResetNeeded: call reset() before step()")
        if not self.action_space.contains(action):
            raise ValueError(f"invalid action {action!r}")
        if self.step_seconds:
            time.sleep(self.step_seconds)
        push = (int(action) - 1) * 0.05 + self._rng.normal(0.0, 0.01)
        v = float(np.clip(self._state[1] + push, -1.0, 1.0))
        x = float(np.clip(self._state[0] + v * 0.1, -1.5, 1.5))
        self._state = np.array([x, v], dtype=np.float32)
        self._t += 1
        terminated = abs(x) > 1.0
        truncated = self._t >= 200
        return self._state.copy(), -abs(x), terminated, truncated, {"t": self._t}

    def render(self):
        frame = np.zeros((8, 16, 3), dtype=np.uint8)
        frame[:, int((self._state[0] + 1.5) / 3.0 * 15), 0] = 255
        return frame


if __name__ == "__main__":
    address = sys.argv[1] if len(sys.argv) > 1 else "tcp://127.0.0.1:0"
    server = serve(lambda env_id=None, **kwargs: WalkEnv(**kwargs), address, block=False, idle_timeout=60)
    print(f"serving Walk on {server.endpoint}", flush=True)
    try:
        sys.stdin.read()  # serve until the parent closes our stdin or kills us
    finally:
        server.close()
