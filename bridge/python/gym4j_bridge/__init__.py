"""gym4j_bridge: use envs across processes and languages over the gym4j bridge protocol (ZeroMQ + Protobuf).

RemoteEnv / RemoteVectorEnv use an env served by `gym4j serve` (or any bridge server) from Python;
serve() exposes a Python env so that Java's RemoteEnv (or any bridge client) can use it.
ExperienceReader reads the trajectories of `gym4j worker`s; PolicyPublisher sends them ONNX policies.
"""
from ._compat import HAVE_GYMNASIUM, spaces
from .client import BridgeConnectionLost, BridgeError, BridgeTimeout, RemoteEnv, RemoteVectorEnv
from .experience import Batch, ExperienceError, ExperienceReader, PolicyPublisher, Trajectory
from .registration import list_envs, register
from .server import EnvServer, serve

__all__ = ["RemoteEnv", "RemoteVectorEnv", "serve", "EnvServer", "BridgeError", "BridgeTimeout", "BridgeConnectionLost", "spaces",
           "HAVE_GYMNASIUM", "register", "list_envs", "ExperienceReader", "PolicyPublisher", "Trajectory", "Batch",
           "ExperienceError"]
