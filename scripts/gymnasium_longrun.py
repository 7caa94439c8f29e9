#!/usr/bin/env python3
"""Run a classic-control env in Gymnasium with seeded random actions and resets, streaming every step to stdout.

    python gymnasium_longrun.py ENV_ID STEPS SEED

The actions and resets come from a SplitMix64 stream seeded with SEED (the gymref action rules), so gym4j's
GymnasiumLongRun (envs-classic test scope) draws exactly the same ones and compares step by step:
  per episode, one draw z: the first episode, and any whose z % 4 == 0, resets with seed z >> 33, the others
  reset() without a seed (the env's generator continues); episodes whose (z >> 2) % 8 == 0 use the
  "random_wide" continuous actions (out of bounds on purpose).
  per step, one draw z: Discrete(n): z % n; Box(-H, H, (1,)): k = (z >> 40) - 2**23, action k * 2**-23 * H
  (random_wide: k * 2**-22 * H), passed as np.array([a], dtype=np.float32).
  An episode ends when terminated or truncated (gymnasium.make's TimeLimit); the run stops after STEPS steps.
Records (little-endian): b"R" + obs as float32s after each reset; b"S" + obs as float32s + reward as float64 +
terminated byte + truncated byte after each step.
"""
import struct
import sys

import gymnasium as gym
import numpy as np

MASK = (1 << 64) - 1


class SplitMix64:
    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)


def main():
    env_id, steps, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    env = gym.make(env_id)
    rng = SplitMix64(seed)
    discrete = isinstance(env.action_space, gym.spaces.Discrete)
    n = int(env.action_space.n) if discrete else 0
    high = 0.0 if discrete else float(env.action_space.high[0])
    out = sys.stdout.buffer
    buf = []
    done_steps = 0
    episode = 0
    while done_steps < steps:
        z = rng.next()
        if episode == 0 or z % 4 == 0:
            obs, _ = env.reset(seed=z >> 33)
        else:
            obs, _ = env.reset()
        wide = (z >> 2) % 8 == 0
        episode += 1
        buf.append(b"R" + np.asarray(obs, dtype=np.float32).tobytes())
        while done_steps < steps:
            z = rng.next()
            if discrete:
                action = z % n
            else:
                k = (z >> 40) - (1 << 23)
                action = np.array([k * 2.0 ** (-22 if wide else -23) * high], dtype=np.float32)
            obs, reward, terminated, truncated, _ = env.step(action)
            done_steps += 1
            buf.append(b"S" + np.asarray(obs, dtype=np.float32).tobytes()
                       + struct.pack("<dBB", float(reward), bool(terminated), bool(truncated)))
            if len(buf) >= 4096:
                out.write(b"".join(buf))
                buf.clear()
            if terminated or truncated:
                break
    out.write(b"".join(buf))
    out.flush()


if __name__ == "__main__":
    main()
