"""A small pure-NumPy vector env (N WalkEnvs with Gymnasium 1.x's next-step autoreset) served with
gym4j_bridge.serve(), for the Python and Java tests of vector serving. Prints "serving VectorWalk on ENDPOINT"
and serves until its stdin closes or it is killed.

    python3 tests/vector_walk_server.py [ADDRESS] [NUM_ENVS]
"""
import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from gym4j_bridge import serve, spaces  # noqa: E402

try:
    from .walk_server import WalkEnv  # noqa: E402
except ImportError:  # run as a script
    from walk_server import WalkEnv  # noqa: E402


class VectorWalkEnv:
    """num_envs WalkEnvs stepped as a batch, without Gymnasium: sub-env i is reset with seed + i; a sub-env
    whose episode ended is reset by the next step, which ignores its action and reports reward 0 and no end
    (next-step autoreset). Infos are Gymnasium's vector dict: "t" (steps in the episode) with its "_t" mask."""

    metadata = {"autoreset_mode": "NextStep"}

    def __init__(self, num_envs=4):
        self.num_envs = int(num_envs)
        self.envs = [WalkEnv() for _ in range(self.num_envs)]
        single = self.envs[0].observation_space
        self.single_observation_space = single
        self.single_action_space = self.envs[0].action_space
        self.observation_space = spaces.Box(low=np.tile(single.low, (self.num_envs, 1)),
                                            high=np.tile(single.high, (self.num_envs, 1)), dtype=np.float32)
        self.action_space = spaces.MultiDiscrete(np.full(self.num_envs, 3))
        self._pending = np.zeros(self.num_envs, dtype=bool)
        self.closed = False

    def reset(self, *, seed=None, options=None):
        seeds = seed if isinstance(seed, list) else [None if seed is None else seed + i for i in range(self.num_envs)]
        mask = np.asarray((options or {}).get("reset_mask", np.ones(self.num_envs, dtype=bool)), dtype=bool)
        obs = np.zeros((self.num_envs, 2), dtype=np.float32)
        t = np.zeros(self.num_envs, dtype=np.int64)
        for i, env in enumerate(self.envs):
            if mask[i]:
                obs[i], info = env.reset(seed=seeds[i])
                t[i] = info["t"]
                self._pending[i] = False
            else:
                obs[i] = env._state
        return obs, {"t": t, "_t": mask.copy()}

    def step(self, actions):
        actions = np.asarray(actions)
        if actions.shape != (self.num_envs,):
            raise ValueError(f"expected {self.num_envs} actions, got shape {actions.shape}")
        obs = np.zeros((self.num_envs, 2), dtype=np.float32)
        rewards = np.zeros(self.num_envs)
        terminated = np.zeros(self.num_envs, dtype=bool)
        truncated = np.zeros(self.num_envs, dtype=bool)
        t = np.zeros(self.num_envs, dtype=np.int64)
        for i, env in enumerate(self.envs):
            if self._pending[i]:
                obs[i], info = env.reset()
            else:
                obs[i], rewards[i], terminated[i], truncated[i], info = env.step(int(actions[i]))
            t[i] = info["t"]
        self._pending = terminated | truncated
        return obs, rewards, terminated, truncated, {"t": t, "_t": np.ones(self.num_envs, dtype=bool)}

    def close(self):
        self.closed = True


if __name__ == "__main__":
    address = sys.argv[1] if len(sys.argv) > 1 else "tcp://127.0.0.1:0"
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 4
    server = serve(lambda env_id=None, **kwargs: VectorWalkEnv(n, **kwargs), address, block=False, idle_timeout=60)
    print(f"serving VectorWalk on {server.endpoint}", flush=True)
    try:
        sys.stdin.read()  # serve until the parent closes our stdin or kills us
    finally:
        server.close()
