package dev.gym4j.bridge;

import dev.gym4j.api.EnvSpec;
import dev.gym4j.api.GymException;
import dev.gym4j.api.InvalidArgumentException;
import dev.gym4j.api.ResetNeededException;
import dev.gym4j.api.spaces.Box;
import dev.gym4j.api.spaces.MultiBinary;
import dev.gym4j.api.spaces.MultiDiscrete;
import dev.gym4j.api.spaces.Space;
import dev.gym4j.api.vector.AutoresetMode;
import dev.gym4j.api.vector.VectorBatch;
import dev.gym4j.api.vector.VectorEnv;
import dev.gym4j.bridge.proto.EnvDescription;
import dev.gym4j.bridge.proto.Request;
import dev.gym4j.bridge.proto.Response;
import dev.gym4j.bridge.proto.Tensor;
import dev.gym4j.bridge.proto.VectorReset;
import dev.gym4j.bridge.proto.VectorStep;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A vector env served by another process ({@code gym4j serve ENV --num-envs N}, a Python
 * {@code gym4j_bridge.serve} of a Gymnasium vector env, or any bridge server asked for N envs), used
 * as an ordinary {@link VectorEnv}: wrappers, {@code RecordVideoVector} and rollouts take it as they take
 * a local one. The whole batch of actions goes out in one message per step and the whole batch of
 * observations comes back in one.
 *
 * <p>Observations and actions are the batched spaces' values: for a {@code Box} a flat primitive array
 * of {@code numEnvs * size} elements, for {@code Discrete} actions a {@code long[]} of {@code numEnvs}.
 * Each call returns a new {@link VectorBatch} with new arrays (the server's vector env applies its
 * autoreset mode, which the handshake's metadata names; Gymnasium's default, next-step, when it names
 * none). Per-sub-env infos are rebuilt from the vector info dict the server sends: an integer that fits
 * an {@code int} comes back as an {@code Integer}, a float as a {@code Double}. Timeouts and
 * reconnection behave as in {@link RemoteEnv}.
 *
 * <p>Thread safety: not thread-safe; confine an instance to one thread at a time.
 *
 * @param <O> the batched observation type (for example {@code float[]})
 * @param <A> the batched action type (for example {@code long[]})
 */
public final class RemoteVectorEnv<O, A> implements VectorEnv<O, A> {

    private final RemoteLink link;
    private final int numEnvs;
    private final Space<O> observationSpace;
    private final Space<A> actionSpace;
    private final Space<?> singleObservationSpace;
    private final Space<?> singleActionSpace;
    private final AutoresetMode autoresetMode;
    private final Map<String, Object> metadata;
    private final EnvSpec spec;

    @SuppressWarnings("unchecked")
    private RemoteVectorEnv(RemoteLink link, EnvDescription d) {
        if (d.getNumEnvs() < 1) {
            throw new GymException("the server at " + link.address() + " serves a single env, not a vector env: ask for numEnvs >= 1");
        }
        this.link = link;
        this.numEnvs = d.getNumEnvs();
        this.observationSpace = (Space<O>) SpaceCodec.fromWire(d.getObservationSpace());
        this.actionSpace = (Space<A>) SpaceCodec.fromWire(d.getActionSpace());
        this.singleObservationSpace = SpaceCodec.fromWire(d.getSingleObservationSpace());
        this.singleActionSpace = SpaceCodec.fromWire(d.getSingleActionSpace());
        Map<String, Object> meta = new LinkedHashMap<>(ValueCodec.decodeMap(d.getMetadata()));
        this.autoresetMode = autoresetMode(meta.get("autoreset_mode"), link.address());
        meta.put("autoreset_mode", autoresetMode);
        this.metadata = Collections.unmodifiableMap(meta);
        this.spec = link.spec(d);
    }

    /**
     * Connects and asks for a vector env.
     *
     * @param address the server's endpoint
     * @param envId the env id, or null for the server's default
     * @param kwargs the sub-envs' kwargs
     * @param numEnvs how many sub-envs, or 0 for the server's default ({@code --num-envs})
     * @param options timeout, message size, encryption
     * @param <O> the batched observation type
     * @param <A> the batched action type
     * @return the connected vector env
     * @throws InvalidArgumentException if {@code numEnvs} is negative
     * @throws GymException naming the address if the handshake fails or times out, or the server serves
     *     a single env
     */
    public static <O, A> RemoteVectorEnv<O, A> connect(String address, String envId, Map<String, ?> kwargs, int numEnvs, ClientOptions options) {
        Objects.requireNonNull(options, "options");
        if (numEnvs < 0) {
            throw new InvalidArgumentException("numEnvs must be >= 0 (0 for the server's default), got " + numEnvs);
        }
        return RemoteLink.open(address, envId, kwargs, numEnvs, options, RemoteVectorEnv::new);
    }

    /** @return the server's endpoint */
    public String address() {
        return link.address();
    }

    @Override
    public int numEnvs() {
        return numEnvs;
    }

    @Override
    public Space<O> observationSpace() {
        return observationSpace;
    }

    @Override
    public Space<A> actionSpace() {
        return actionSpace;
    }

    @Override
    public Space<?> singleObservationSpace() {
        return singleObservationSpace;
    }

    @Override
    public Space<?> singleActionSpace() {
        return singleActionSpace;
    }

    /** @return the server vector env's autoreset mode, from the handshake's metadata */
    @Override
    public AutoresetMode autoresetMode() {
        return autoresetMode;
    }

    /** @return the spec the server named (its creator connects a {@link RemoteEnv}), or null */
    @Override
    public EnvSpec spec() {
        return spec;
    }

    /** @return the server's metadata, with {@code autoreset_mode} as an {@link AutoresetMode} */
    @Override
    public Map<String, Object> metadata() {
        return metadata;
    }

    /**
     * Resets sub-envs on the server; sub-env {@code i} gets {@code seed + i}.
     *
     * @param seed null to continue the random streams, else a non-negative seed
     * @param resetOptions options for every sub-env; {@link VectorEnv#RESET_MASK} selects sub-envs
     * @return the first observations (rewards 0, no ends) and the reset infos
     * @throws InvalidArgumentException if the seed is negative or the mask is not a {@code boolean[numEnvs]}
     * @throws GymException naming the address if the server fails or does not answer in time
     */
    @Override
    public VectorBatch<O> reset(Long seed, Map<String, ?> resetOptions) {
        link.ensureOpen(this);
        Map<String, ?> opts = resetOptions == null ? Map.of() : resetOptions;
        Object mask = opts.get(RESET_MASK);
        if (mask != null && !(mask instanceof boolean[] b && b.length == numEnvs)) {
            throw new InvalidArgumentException("the reset option " + RESET_MASK + " must be a boolean[" + numEnvs + "], got " + mask);
        }
        VectorReset.Builder r = VectorReset.newBuilder().setOptions(ValueCodec.encodeMap(opts));
        if (seed != null) {
            r.setSeed(SeedCodec.encode(seed));
        }
        var v = link.reset(Request.newBuilder().setVectorReset(r), Response.BodyCase.VECTOR_RESET).getVectorReset();
        return batch(v.getObservations(), new double[numEnvs], new boolean[numEnvs], new boolean[numEnvs],
                ValueCodec.decodeMap(v.getInfos()));
    }

    /**
     * Steps every sub-env with its action.
     *
     * @param actions a value of the batched action space
     * @return the next observations, rewards, end flags and infos
     * @throws InvalidArgumentException if {@code actions} is not an array of the batched action type and length
     * @throws ResetNeededException if the server no longer has this client's sub-envs, or before the first reset
     * @throws GymException naming the address if the server fails (an invalid action, say) or does not
     *     answer in time
     */
    @Override
    public VectorBatch<O> step(A actions) {
        link.ensureOpen(this);
        checkActions(actions);
        Request.Builder request = Request.newBuilder().setVectorStep(VectorStep.newBuilder().setActions(ValueCodec.encode(actionSpace, actions)));
        var s = link.step(request, Response.BodyCase.VECTOR_STEP, "sub-envs").getVectorStep();
        return batch(s.getObservations(), doubles(s.getRewards(), "rewards"), flags(s.getTerminated(), "terminated"),
                flags(s.getTruncated(), "truncated"), ValueCodec.decodeMap(s.getInfos()));
    }

    /** Frees the sub-envs on the server (if it still answers within a second) and the socket. Idempotent. */
    @Override
    public void close() {
        link.close();
    }

    /** @return the shared-memory file this env's calls go through, or null when they go over ZeroMQ; for tests */
    String sharedMemoryPath() {
        return link.sharedMemoryPath();
    }

    @Override
    public String toString() {
        return "RemoteVectorEnv<" + numEnvs + " envs at " + link.address() + ">";
    }

    @SuppressWarnings("unchecked")
    private VectorBatch<O> batch(dev.gym4j.bridge.proto.Value observations, double[] rewards, boolean[] terminated,
                                 boolean[] truncated, Map<String, Object> infos) {
        O obs = (O) ValueCodec.decode(observationSpace, observations);
        return VectorBatch.of(obs, rewards, terminated, truncated, VectorInfoRows.split(infos, numEnvs));
    }

    private void checkActions(A actions) {
        if (actions == null) {
            throw new InvalidArgumentException("actions must not be null: pass one action per sub-env");
        }
        Class<?> expected;
        int length;
        if (actionSpace instanceof Box<?> box) {
            expected = box.dtype().arrayType();
            length = box.size();
        } else if (actionSpace instanceof MultiDiscrete md) {
            expected = long[].class;
            length = md.nvec().length;
        } else if (actionSpace instanceof MultiBinary mb) {
            expected = byte[].class;
            length = mb.size();
        } else {
            return; // tuple and dict batches: the encoder checks their structure
        }
        if (actions.getClass() != expected || java.lang.reflect.Array.getLength(actions) != length) {
            throw new InvalidArgumentException("actions for " + numEnvs + " sub-envs must be a " + expected.getSimpleName()
                    .replace("[]", "[" + length + "]") + " (the batched action space " + actionSpace + "), got "
                    + (actions.getClass().isArray() ? actions.getClass().getSimpleName().replace("[]", "["
                    + java.lang.reflect.Array.getLength(actions) + "]") : actions.getClass().getName()));
        }
    }

    private double[] doubles(Tensor t, String what) {
        Object a = Tensors.toArray(t);
        if (!(a instanceof double[] d) || d.length != numEnvs) {
            throw new ProtocolException("the server at " + address() + " sent " + what + " that are not " + numEnvs + " float64s");
        }
        return d;
    }

    private boolean[] flags(Tensor t, String what) {
        Object a = Tensors.toArray(t);
        if (!(a instanceof boolean[] b) || b.length != numEnvs) {
            throw new ProtocolException("the server at " + address() + " sent " + what + " flags that are not " + numEnvs + " bools");
        }
        return b;
    }

    /**
     * @return the mode a server's {@code autoreset_mode} metadata names: gym4j's enum name
     *     ({@code NEXT_STEP}), Gymnasium's value ({@code NextStep}) or its enum's {@code str}
     *     ({@code AutoresetMode.NEXT_STEP}); next-step when absent
     */
    static AutoresetMode autoresetMode(Object value, String address) {
        if (value == null) {
            return AutoresetMode.NEXT_STEP;
        }
        String text = value.toString();
        String name = normalise(text.substring(text.lastIndexOf('.') + 1));
        for (AutoresetMode mode : AutoresetMode.values()) {
            if (normalise(mode.name()).equals(name)) {
                return mode;
            }
        }
        throw new ProtocolException("the server at " + address + " names an unknown autoreset mode '" + text + "'");
    }

    private static String normalise(String s) {
        return s.replace("_", "").toLowerCase(Locale.ROOT);
    }
}
