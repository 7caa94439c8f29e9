"""Gymnasium when it is installed; otherwise the package's own minimal Env and spaces with the same methods."""

try:  # pragma: no cover - depends on the environment
    import gymnasium as _gym
    from gymnasium import spaces as spaces
    from gymnasium.vector import VectorEnv
    Env = _gym.Env
    HAVE_GYMNASIUM = True
except ImportError:  # pragma: no cover - depends on the environment
    from . import minispaces as spaces
    from .minispaces import Env
    VectorEnv = object
    HAVE_GYMNASIUM = False
