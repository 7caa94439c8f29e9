"""A Python trainer's policy side for WorkerZmqPolicyStoreTest: gym4j_bridge.PolicyPublisher bound to a zmq://
address, driven line by line on standard input.

usage: zmq_policy_publisher.py STORE_URI EXPERIMENT
prints "BOUND tcp://HOST:PORT"; then per input line "publish V" (a CartPole MLP made with onnx.helper, for the
spaces Gymnasium's CartPole-v1 declares: float32 max where gym4j says unbounded), "publish V wrong" (the same
model, declared for Box(3) and Discrete(3)) or "minimum V", answered "PUBLISHED V" / "MINIMUM V".
"""
import sys

import gymnasium as gym
import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

from gym4j_bridge import PolicyPublisher

uri, experiment = sys.argv[1:3]

w = numpy_helper.from_array(np.array([[0, 0], [0, 0], [-40, 40], [-10, 10]], dtype=np.float32), "w")
graph = helper.make_graph([helper.make_node("MatMul", ["obs", "w"], ["logits"])], "cartpole",
                          [helper.make_tensor_value_info("obs", TensorProto.FLOAT, ["batch", 4])],
                          [helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["batch", 2])], [w])
model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
model.ir_version = 8
model_bytes = model.SerializeToString()

env = gym.make("CartPole-v1")
with PolicyPublisher(uri, experiment) as publisher:
    print("BOUND", publisher.endpoint, flush=True)
    for line in sys.stdin:
        cmd = line.split()
        if not cmd:
            continue
        if cmd[0] == "publish":
            v = int(cmd[1])
            if len(cmd) > 2:
                publisher.publish(model_bytes, gym.spaces.Box(-1, 1, (3,), np.float32), gym.spaces.Discrete(3),
                                  version=v)
            else:
                publisher.publish(model_bytes, env.observation_space, env.action_space, version=v)
            print("PUBLISHED", v, flush=True)
        elif cmd[0] == "minimum":
            publisher.set_minimum_version(int(cmd[1]))
            print("MINIMUM", cmd[1], flush=True)
