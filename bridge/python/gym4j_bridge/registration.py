"""gym4j_bridge.register: the ids a server serves, in Gymnasium's registry, for gymnasium.make / make_vec."""
from . import bridge_pb2 as pb
from . import client
from ._compat import HAVE_GYMNASIUM


def list_envs(address, *, timeout=10.0, curve_server_key=None):
    """The env ids the server at `address` can make, as (specs, default_id): specs are descriptions with
    `id`, `max_episode_steps`, `reward_threshold`, `nondeterministic`; default_id is what a client that names
    no id gets (None if the server has no default). A server that cannot list its ids (a Python `serve()`
    of a factory function) yields just its default env."""
    conn = client.Connection(address, timeout, client.DEFAULT_MAX_MESSAGE_SIZE, curve_server_key)
    try:
        req = pb.Request()
        req.list_envs.SetInParent()
        reply = conn.call(req)
        if reply.WhichOneof("body") == "env_list":
            specs = [client._Spec(s) for s in reply.env_list.specs]
            return specs, reply.env_list.default_env_id or None
        if not (reply.WhichOneof("body") == "error" and reply.error.code in (pb.ERROR_CODE_UNSUPPORTED,
                                                                             pb.ERROR_CODE_BAD_MESSAGE)):
            client._check(reply, "env_list", address)
        d = client._handshake(conn, client._hello(None, {}))  # the server's default env, whatever it is
        spec = client._wire_spec(d)
        return ([spec] if spec is not None else []), (spec.id if spec is not None else None)
    finally:
        client._close_quietly(conn)


def register(address, namespace="gym4j", ids=None, *, timeout=client.DEFAULT_TIMEOUT, curve_server_key=None):
    """Registers the ids served at `address` in Gymnasium's registry as `namespace/ID`, so that
    `gymnasium.make("gym4j/CartPole-v1")` makes a RemoteEnv and `gymnasium.make_vec("gym4j/CartPole-v1", 64)`
    a RemoteVectorEnv (one message per batch); with `vectorization_mode="sync"` or `"async"`, a
    SyncVectorEnv / AsyncVectorEnv of RemoteEnvs.

    ids: only these served ids (default: every id the server lists). The registered specs carry the
    server's max_episode_steps and reward_threshold; `timeout` and `curve_server_key` go to every env made.
    Registering again replaces the earlier entries (a server moved to another address, say).
    Returns the registered ids. Needs Gymnasium.
    """
    if not HAVE_GYMNASIUM:
        raise ImportError("gym4j_bridge.register needs Gymnasium: pip install gymnasium")
    import gymnasium
    specs, _ = list_envs(address, timeout=min(timeout, 10.0), curve_server_key=curve_server_key)
    by_id = {s.id: s for s in specs}
    if ids is not None:
        missing = [i for i in ids if i not in by_id]
        if missing:
            raise client.BridgeError(f"the server at {address} does not list {missing}; it lists "
                                     f"{sorted(by_id)}", "ENV_NOT_FOUND", address)
        by_id = {i: by_id[i] for i in ids}
    registered = []
    for remote_id, s in by_id.items():
        name = f"{namespace}/{remote_id.replace('/', '.')}" if namespace else remote_id
        if name in gymnasium.registry:
            del gymnasium.registry[name]
        gymnasium.register(id=name, entry_point="gym4j_bridge.client:RemoteEnv",
                           vector_entry_point="gym4j_bridge.client:RemoteVectorEnv",
                           max_episode_steps=s.max_episode_steps, reward_threshold=s.reward_threshold,
                           nondeterministic=s.nondeterministic,
                           kwargs=dict(address=address, env_id=remote_id, timeout=timeout,
                                       curve_server_key=curve_server_key))
        registered.append(name)
    return registered
