package dev.gym4j.bridge;

import java.util.List;

/**
 * The protocol's constants, shared by {@link EnvServer} and {@link RemoteEnv}.
 *
 * <p>Thread-safe (constants only).
 */
final class Protocol {

    /** The protocol version this library speaks; a handshake with another is refused. */
    static final int VERSION = 1;
    /** Capability: tensors are little-endian, row-major bytes (always on in version 1). */
    static final String CAP_TENSORS = "tensors-le";
    /** Capability: vector envs (VectorReset / VectorStep). */
    static final String CAP_VECTOR = "vector";
    /** Capability: render returns an RGB frame. */
    static final String CAP_RENDER = "render-rgb";
    /** Capability: seeds of any size. */
    static final String CAP_BIG_SEEDS = "big-seeds";
    /**
     * Capability a server announces (clients need not): it answers a Ping from another connection while it
     * serves a long request, so a client may probe it with Pings on a second socket while it waits.
     */
    static final String CAP_PING_WHILE_BUSY = "ping-while-busy";

    /** Capability: the same-host shared-memory path (PROTOCOL.md, "Shared memory"); announced only on a loopback link. */
    static final String CAP_SHM = "shm-v2";

    static final List<String> CAPABILITIES = List.of(CAP_TENSORS, CAP_VECTOR, CAP_RENDER, CAP_BIG_SEEDS);

    private Protocol() {
    }
}
