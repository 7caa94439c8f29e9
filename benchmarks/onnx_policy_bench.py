"""The Python side of OnnxPolicyBenchmark: the same rollout-worker loop with the tools a Python user picks.

python onnx_policy_bench.py export MODEL      exports the CleanRL CartPole actor-critic (64-64 tanh) with torch.onnx.export
python onnx_policy_bench.py run MODEL [SECS]  64 Gymnasium CartPole-v1 envs (SyncVectorEnv) stepped with actions sampled
                                              from onnxruntime's logits (batched, one run per vector step), and
                                              onnxruntime alone on a fixed batch of 64; prints env-steps/s and obs/s
"""
import sys
import time
import warnings

import numpy as np


def export(path):
    import torch
    warnings.filterwarnings("ignore")
    torch.manual_seed(0)

    def mlp(out):
        return torch.nn.Sequential(torch.nn.Linear(4, 64), torch.nn.Tanh(), torch.nn.Linear(64, 64), torch.nn.Tanh(),
                                   torch.nn.Linear(64, out))

    class ActorCritic(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.actor, self.critic = mlp(2), mlp(1)

        def forward(self, obs):
            return self.actor(obs), self.critic(obs)

    torch.onnx.export(ActorCritic(), torch.zeros(1, 4), path, input_names=["obs"], output_names=["logits", "value"],
                      dynamic_axes={"obs": {0: "batch"}, "logits": {0: "batch"}, "value": {0: "batch"}}, dynamo=False)


def run(path, seconds):
    import gymnasium as gym
    import onnxruntime as ort
    opts = ort.SessionOptions()
    opts.intra_op_num_threads = 1
    opts.inter_op_num_threads = 1
    sess = ort.InferenceSession(path, opts, providers=["CPUExecutionProvider"])
    rng = np.random.default_rng(42)

    def act(obs):
        logits, _ = sess.run(None, {"obs": obs.astype(np.float32, copy=False)})
        p = np.exp(logits - logits.max(axis=1, keepdims=True))
        c = np.cumsum(p / p.sum(axis=1, keepdims=True), axis=1)
        return np.minimum((c <= rng.random(len(c))[:, None]).sum(axis=1), 1)

    envs = gym.vector.SyncVectorEnv([lambda: gym.make("CartPole-v1") for _ in range(64)])
    obs, _ = envs.reset(seed=0)
    fixed = obs.copy()
    for phase in ("warmup", "measure"):
        steps, start = 0, time.perf_counter()
        while time.perf_counter() - start < (1.0 if phase == "warmup" else seconds):
            obs, _, _, _, _ = envs.step(act(obs))
            steps += 64
        worker = steps / (time.perf_counter() - start)
    for phase in ("warmup", "measure"):
        n, start = 0, time.perf_counter()
        while time.perf_counter() - start < (1.0 if phase == "warmup" else seconds):
            act(fixed)
            n += 64
        inference = n / (time.perf_counter() - start)
    print(f"python gymnasium SyncVectorEnv(64 x CartPole-v1) + onnxruntime {ort.__version__}: "
          f"{worker:,.0f} env-steps/s; onnxruntime alone on a batch of 64: {inference:,.0f} obs/s")


if __name__ == "__main__":
    if sys.argv[1] == "export":
        export(sys.argv[2])
    else:
        run(sys.argv[2], float(sys.argv[3]) if len(sys.argv) > 3 else 5.0)
