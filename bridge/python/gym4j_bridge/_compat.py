"""Gymnasium when it is installed; otherwise the package's own minimal Env and spaces with the same methods."""

try:  # pragma: no cover - depends on the environment
    import gymnasium as _gym
    from gymnasium import spaces as spaces
    Env = _gym.Env
    HAVE_GYMNASIUM = True
except ImportError:  # pragma: no cover - depends on the environment
    from . import minispaces as spaces
    from .minispaces import Env
    HAVE_GYMNASIUM = False
