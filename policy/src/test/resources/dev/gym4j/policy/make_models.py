"""Builds the ONNX models of gym4j's policy tests and the reference results of Python's onnxruntime on them.

Usage: python make_models.py OUTDIR
Writes OUTDIR/*.onnx, OUTDIR/cartpole.json (metadata beside cartpole.onnx) and OUTDIR/reference.json:
per model, the observations, the raw outputs by role, the deterministic actions, and the actions, log-probs
sampled with numpy.random.Generator(PCG64(SEED)) drawn row-major, as gym4j's OnnxPolicy documents.
"""
import io
import json
import sys
import warnings

import numpy as np
import onnx
import onnxruntime as ort
import torch
from onnx import TensorProto, helper, numpy_helper

warnings.filterwarnings("ignore")
OUT = sys.argv[1]
SEED = 123
BATCH = 37
torch.manual_seed(0)
HALF_LOG_2PI = 0.5 * np.log(2 * np.pi)


def export(module, dummy, path, input_names=None, output_names=None, dynamic=True):
    kwargs = {}
    if dynamic:
        kwargs["dynamic_axes"] = {n: {0: "batch"} for n in (input_names or []) + (output_names or [])
                                  if n != "log_std"}
    torch.onnx.export(module, dummy, path, input_names=input_names, output_names=output_names,
                      dynamo=False, **kwargs)


class ActorCritic(torch.nn.Module):
    def __init__(self, obs, n):
        super().__init__()
        self.actor = torch.nn.Sequential(torch.nn.Linear(obs, 64), torch.nn.Tanh(), torch.nn.Linear(64, 64),
                                         torch.nn.Tanh(), torch.nn.Linear(64, n))
        self.critic = torch.nn.Sequential(torch.nn.Linear(obs, 64), torch.nn.Tanh(), torch.nn.Linear(64, 1))

    def forward(self, x):
        return self.actor(x) * 3.0, self.critic(x)


class Gaussian(torch.nn.Module):
    def __init__(self, obs, k):
        super().__init__()
        self.mean = torch.nn.Sequential(torch.nn.Linear(obs, 32), torch.nn.Tanh(), torch.nn.Linear(32, k))
        self.log_std = torch.nn.Parameter(torch.tensor([-0.5] * k))

    def forward(self, x):
        return self.mean(x) * 2.0, self.log_std + 0.0


def helper_model(path, obs_dim, out_dim, out_name, tanh=False):
    rng = np.random.default_rng(7)
    w = numpy_helper.from_array(rng.standard_normal((obs_dim, out_dim)).astype(np.float32), "W")
    b = numpy_helper.from_array(rng.standard_normal(out_dim).astype(np.float32), "B")
    nodes = [helper.make_node("MatMul", ["obs", "W"], ["mm"]),
             helper.make_node("Add", ["mm", "B"], ["pre" if tanh else out_name])]
    if tanh:
        nodes.append(helper.make_node("Mul", ["pre", "two"], ["pre2"]))
        nodes.append(helper.make_node("Tanh", ["pre2"], [out_name]))
    inits = [w, b] + ([numpy_helper.from_array(np.array(2.0, dtype=np.float32), "two")] if tanh else [])
    graph = helper.make_graph(nodes, "policy",
                              [helper.make_tensor_value_info("obs", TensorProto.FLOAT, ["batch", obs_dim])],
                              [helper.make_tensor_value_info(out_name, TensorProto.FLOAT, ["batch", out_dim])],
                              inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    onnx.checker.check_model(model)
    onnx.save(model, path)


def run(path, obs):
    sess = ort.InferenceSession(path, providers=["CPUExecutionProvider"])
    name = sess.get_inputs()[0].name
    fixed = sess.get_inputs()[0].shape[0]
    if isinstance(fixed, int):
        rows = [sess.run(None, {name: obs[i:i + fixed]}) for i in range(0, len(obs), fixed)]
        return [np.concatenate([r[j] for r in rows]) for j in range(len(rows[0]))]
    return sess.run(None, {name: obs})


def categorical(logits, rng):
    l = logits.astype(np.float64)
    m = l.max(axis=1, keepdims=True)
    e = np.exp(l - m)
    s = e.sum(axis=1, keepdims=True)
    det = l.argmax(axis=1)
    if rng is None:
        a = det
    else:
        u = rng.random(len(l))
        c = np.cumsum(e / s, axis=1)
        a = np.minimum((c <= u[:, None]).sum(axis=1), l.shape[1] - 1)
    lp = (l[np.arange(len(l)), a] - m[:, 0]) - np.log(s[:, 0])
    return a, lp


ref = {}
obs4 = np.random.default_rng(1).standard_normal((BATCH, 4)).astype(np.float32)

# 1. CartPole actor-critic, named outputs, dynamic batch, with metadata beside it.
export(ActorCritic(4, 2), torch.zeros(1, 4), f"{OUT}/cartpole.onnx", ["obs"], ["logits", "value"])
with open(f"{OUT}/cartpole.json", "w") as f:
    json.dump({"format": "gym4j.policy.v1", "env_id": "CartPole-v1", "distribution": "categorical",
               "outputs": {"logits": "logits", "value": "value"}}, f)
logits, value = run(f"{OUT}/cartpole.onnx", obs4)
det, det_lp = categorical(logits, None)
smp, smp_lp = categorical(logits, np.random.Generator(np.random.PCG64(SEED)))
ref["cartpole"] = {"obs": obs4.tolist(), "logits": logits.tolist(), "value": value[:, 0].tolist(),
                   "det": det.tolist(), "det_logp": det_lp.tolist(), "sampled": smp.tolist(),
                   "sampled_logp": smp_lp.tolist()}

# 2. A plain torch.onnx.export: no names, no dynamic axes (batch fixed at 1), no metadata.
export(torch.nn.Sequential(torch.nn.Linear(4, 16), torch.nn.ReLU(), torch.nn.Linear(16, 2)), torch.zeros(1, 4),
       f"{OUT}/plain.onnx", dynamic=False)
(logits,) = run(f"{OUT}/plain.onnx", obs4)
ref["plain"] = {"obs": obs4.tolist(), "logits": logits.tolist(), "det": categorical(logits, None)[0].tolist(),
                "sampled": categorical(logits, np.random.Generator(np.random.PCG64(SEED)))[0].tolist()}

# 3. A Gaussian policy for Pendulum (Box(-2, 2, (1,))): mean [batch, 1] and a shared log_std [1].
obs3 = np.random.default_rng(2).standard_normal((BATCH, 3)).astype(np.float32)
export(Gaussian(3, 1), torch.zeros(1, 3), f"{OUT}/gauss.onnx", ["obs"], ["mean", "log_std"])
mean, log_std = run(f"{OUT}/gauss.onnx", obs3)
eps = np.random.Generator(np.random.PCG64(SEED)).standard_normal((BATCH, 1))
raw = mean.astype(np.float64) + np.exp(log_std.astype(np.float64)) * eps
lp = (-0.5 * eps ** 2 - log_std.astype(np.float64) - HALF_LOG_2PI).sum(axis=1)
ref["gauss"] = {"obs": obs3.tolist(), "mean": mean.tolist(), "log_std": log_std.tolist(),
                "det": np.clip(mean.astype(np.float64), -2, 2).astype(np.float32).tolist(),
                "sampled": np.clip(raw, -2, 2).astype(np.float32).tolist(), "sampled_logp": lp.tolist()}

# 4. MultiDiscrete([3, 4]) logits [batch, 7] from the onnx package's helper.
obs5 = np.random.default_rng(3).standard_normal((BATCH, 5)).astype(np.float32)
helper_model(f"{OUT}/multi.onnx", 5, 7, "logits")
(logits,) = run(f"{OUT}/multi.onnx", obs5)
rng = np.random.Generator(np.random.PCG64(SEED))
u = rng.random((BATCH, 2))
acts, lps = [], []
for r in range(BATCH):
    row, lp = [], 0.0
    for j, (lo, n) in enumerate([(0, 3), (3, 4)]):
        l = logits[r, lo:lo + n].astype(np.float64)
        m = l.max()
        e = np.exp(l - m)
        s = e.sum()
        a = min(int((np.cumsum(e / s) <= u[r, j]).sum()), n - 1)
        row.append(a)
        lp += (l[a] - m) - np.log(s)
    acts.append(row)
    lps.append(lp)
ref["multi"] = {"obs": obs5.tolist(), "logits": logits.tolist(),
                "det": np.stack([logits[:, :3].argmax(1), logits[:, 3:].argmax(1)], 1).tolist(),
                "sampled": acts, "sampled_logp": lps}

# 5. A deterministic tanh policy, rescaled onto Box([-2, 0], [2, 10]).
helper_model(f"{OUT}/tanh.onnx", 3, 2, "action", tanh=True)
(action,) = run(f"{OUT}/tanh.onnx", obs3)
low, high = np.array([-2.0, 0.0]), np.array([2.0, 10.0])
t = np.clip(action.astype(np.float64), -1, 1)
ref["tanh"] = {"obs": obs3.tolist(), "action": action.tolist(),
               "det": (low + (t + 1.0) * 0.5 * (high - low)).astype(np.float32).tolist()}

with open(f"{OUT}/reference.json", "w") as f:
    json.dump(ref, f)
print("ok")
