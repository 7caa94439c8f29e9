"""Writes wrapper_golden.json: what Gymnasium's own wrappers return for fixed inputs.

gym4j's wrapper tests replay these inputs and compare the outputs bit for bit. Run with Gymnasium 1.x and
NumPy 2 (NEP 50 promotion), from this directory:

    python3 make_wrapper_golden.py > wrapper_golden.json

Floats are written with repr(), so Java's Double.parseDouble gives back the exact value (and (float) of a
float32 value widened to float64 gives back the float32).
"""

import json
import sys

import gymnasium as gym
import numpy as np
from gymnasium.spaces import Box, Discrete
from gymnasium.wrappers import NormalizeObservation, NormalizeReward, RescaleAction


class ScriptedEnv(gym.Env):
    """Returns a fixed reset observation, then scripted step observations, rewards and flags."""

    def __init__(self, observation_space, action_space, reset_obs, steps):
        self.observation_space = observation_space
        self.action_space = action_space
        self._reset_obs = reset_obs
        self._steps = steps
        self._i = 0

    def reset(self, *, seed=None, options=None):
        super().reset(seed=seed)
        return self._reset_obs, {}

    def step(self, action):
        obs, reward, terminated, truncated = self._steps[self._i]
        self._i += 1
        return obs, reward, terminated, truncated, {}


def floats(a):
    return [float(x) for x in np.asarray(a).ravel()]


def rescale_case(name, dtype, low, high, min_action, max_action, actions):
    box = Box(np.array(low, dtype=dtype), np.array(high, dtype=dtype), dtype=dtype)
    env = ScriptedEnv(Box(-1, 1, (1,), np.float32), box, np.zeros(1, np.float32), [])
    wrapper = RescaleAction(env, min_action, max_action)
    outputs = [floats(wrapper.action(np.array(a, dtype=dtype))) for a in actions]
    return {
        "name": name,
        "dtype": np.dtype(dtype).name,
        "low": floats(box.low),
        "high": floats(box.high),
        "min_action": floats(np.broadcast_to(min_action, box.shape)),
        "max_action": floats(np.broadcast_to(max_action, box.shape)),
        "space_low": floats(wrapper.action_space.low),
        "space_high": floats(wrapper.action_space.high),
        "actions": [floats(np.array(a, dtype=dtype)) for a in actions],
        "outputs": outputs,
    }


def rescale_cases(rng):
    def actions(n, size, spread):
        return [rng.uniform(-spread, spread, size) for _ in range(n)]

    return [
        rescale_case("float32 scalar bounds", np.float32, [-2.0, -1.0, 0.5], [2.0, 3.0, 0.75], -1.0, 1.0,
                     actions(20, 3, 1.5) + [[-1.0, -1.0, -1.0], [1.0, 1.0, 1.0], [0.0, 0.0, 0.0]]),
        rescale_case("float32 awkward bounds", np.float32, [-0.3, 1e-3], [0.7, 123.456],
                     np.array([-0.1, -5.0]), np.array([0.9, 17.5]),
                     actions(20, 2, 20.0) + [[-0.1, -5.0], [0.9, 17.5]]),
        rescale_case("float32 infinite bounds", np.float32, [-np.inf, -1.0, -np.inf], [np.inf, 1.0, 5.0],
                     np.array([-np.inf, 0.0, -np.inf]), np.array([np.inf, 2.0, 7.0]), actions(20, 3, 10.0)),
        rescale_case("float64 scalar bounds", np.float64, [0.0, -10.0], [1.0, 10.0], -1.0, 1.0,
                     actions(20, 2, 2.0) + [[-1.0, -1.0], [1.0, 1.0]]),
    ]


def normalize_observation_case(rng):
    space = Box(-np.inf, np.inf, (3,), np.float32)
    observations = [(rng.normal(size=3) * np.array([1.0, 10.0, 0.01]) + np.array([0.0, 5.0, -3.0])).astype(np.float32)
                    for _ in range(60)]
    env = ScriptedEnv(space, Discrete(2), observations[0], [])
    wrapper = NormalizeObservation(env)
    outputs = []
    for i, obs in enumerate(observations):
        if i == 50:
            wrapper.update_running_mean = False
        out = wrapper.observation(obs)
        assert out.dtype == np.float32
        outputs.append(floats(out))
    return {
        "observations": [floats(o) for o in observations],
        "freeze_from": 50,
        "outputs": outputs,
        "mean": floats(wrapper.obs_rms.mean),
        "var": floats(wrapper.obs_rms.var),
        "count": float(wrapper.obs_rms.count),
    }


def normalize_reward_case(rng):
    n = 80
    rewards = [float(r) for r in rng.normal(1.0, 3.0, n)]
    terminated = [bool(i % 17 == 16) for i in range(n)]
    truncated = [bool(i % 29 == 28) for i in range(n)]
    steps = [(np.zeros(1, np.float32), rewards[i], terminated[i], truncated[i]) for i in range(n)]
    env = ScriptedEnv(Box(-1, 1, (1,), np.float32), Discrete(2), np.zeros(1, np.float32), steps)
    wrapper = NormalizeReward(env, gamma=0.99, epsilon=1e-8)
    wrapper.reset(seed=0)
    outputs = []
    for i in range(n):
        if i == 70:
            wrapper.update_running_mean = False
        _, r, _, _, _ = wrapper.step(0)
        outputs.append(float(r))
    return {
        "gamma": 0.99,
        "epsilon": 1e-8,
        "rewards": rewards,
        "terminated": terminated,
        "truncated": truncated,
        "freeze_from": 70,
        "outputs": outputs,
        "var": float(wrapper.return_rms.var),
        "discounted_reward": float(wrapper.discounted_reward[0]),
    }


def main():
    rng = np.random.default_rng(2024)
    data = {
        "gymnasium": gym.__version__,
        "numpy": np.__version__,
        "rescale_action": rescale_cases(rng),
        "normalize_observation": normalize_observation_case(rng),
        "normalize_reward": normalize_reward_case(rng),
    }
    json.dump(data, sys.stdout, indent=None, separators=(",", ":"))
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
