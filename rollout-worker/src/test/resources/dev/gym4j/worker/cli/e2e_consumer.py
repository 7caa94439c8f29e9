"""End-to-end trainer for WorkerProcessesTest: reads gym4j workers' trajectories, publishes a torch-exported
policy once every expected worker has shipped some, and reports what arrived.

usage: e2e_consumer.py EXPERIENCE_URI EXPERIMENT POLICY_STORE WORKERS STOP_FILE MODEL_PATH
prints "LISTENING", then "PUBLISHED 1", then "SWITCHED" once every worker sent version-1 trajectories, and at the
end (STOP_FILE exists and nothing came for a second) one JSON line with, per worker, the sequences received.
"""
import json
import os
import sys
import time
import warnings

import numpy as np
import torch

from gym4j_bridge import ExperienceReader, PolicyPublisher
from gym4j_bridge import spaces

uri, experiment, store, workers, stop_file, model_path = sys.argv[1:7]
workers = workers.split(",")

warnings.filterwarnings("ignore")
torch.manual_seed(0)
mlp = torch.nn.Sequential(torch.nn.Linear(4, 32), torch.nn.Tanh(), torch.nn.Linear(32, 2))
torch.onnx.export(mlp, torch.zeros(1, 4), model_path, input_names=["obs"], output_names=["logits"],
                  dynamic_axes={"obs": {0: "batch"}, "logits": {0: "batch"}}, dynamo=False)

# The spaces as Gymnasium's CartPole-v1 declares them (float32 max where gym4j says unbounded).
high = np.array([4.8, np.finfo(np.float32).max, 0.41887903, np.finfo(np.float32).max], dtype=np.float32)
obs_space = spaces.Box(-high, high, dtype=np.float32)
act_space = spaces.Discrete(2)

seen = {}
versions = {}
dups = 0
published = False
switched = False
last_arrival = time.monotonic()
with ExperienceReader(uri, experiment) as reader, PolicyPublisher(store, experiment) as publisher:
    print("LISTENING", flush=True)
    while True:
        t = reader.poll(0.2)
        if t is None:
            if os.path.exists(stop_file) and time.monotonic() - last_arrival > 1.0:
                break
            continue
        last_arrival = time.monotonic()
        assert t.observations.shape == (len(t), 4) and t.observations.dtype == np.float32, t.observations.shape
        assert t.actions.dtype == np.int64 and t.rewards.dtype == np.float32
        s = seen.setdefault(t.worker_id, set())
        if t.sequence in s:
            dups += 1
        s.add(t.sequence)
        versions.setdefault(t.worker_id, {}).setdefault(str(t.policy_version), 0)
        versions[t.worker_id][str(t.policy_version)] += 1
        if t.policy_version == 1:
            assert "logprob" in t.extras, sorted(t.extras)
        reader.ack(t)
        if not published and all(w in seen for w in workers):
            publisher.publish(model_path, obs_space, act_space, metadata={"distribution": "categorical"})
            published = True
            print("PUBLISHED 1", flush=True)
        if published and not switched and all(versions.get(w, {}).get("1", 0) >= 3 for w in workers):
            switched = True
            print("SWITCHED", flush=True)
print(json.dumps({"sequences": {w: sorted(s) for w, s in seen.items()}, "versions": versions,
                  "duplicates": dups, "rejected": reader.rejected}), flush=True)
