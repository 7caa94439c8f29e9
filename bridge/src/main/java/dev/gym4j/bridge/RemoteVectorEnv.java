package dev.gym4j.bridge;

import dev.gym4j.api.EnvClosedException;
import dev.gym4j.api.GymException;
import dev.gym4j.api.spaces.Space;
import dev.gym4j.bridge.proto.EnvDescription;
import dev.gym4j.bridge.proto.ErrorCode;
import dev.gym4j.bridge.proto.Request;
import dev.gym4j.bridge.proto.Response;
import dev.gym4j.bridge.proto.VectorReset;
import dev.gym4j.bridge.proto.VectorStep;
import java.util.Map;
import java.util.Objects;

/**
 * A vector env served by another process ({@code gym4j serve ENV --num-envs N}, or any bridge server
 * asked for N envs): the whole batch of actions goes out in one message per step and the whole batch
 * of observations comes back in one. Sub-envs that end are reset by the next step (Gymnasium 1.x's
 * default autoreset): that step ignores their action and reports reward 0.
 *
 * <p>Observations and actions are the batched spaces' values: for a {@code Box} a flat primitive array
 * of {@code numEnvs * size} elements, for {@code Discrete} actions a {@code long[]} of {@code numEnvs}.
 * Timeouts and reconnection behave as in {@link RemoteEnv}.
 *
 * <p>Thread safety: not thread-safe; confine an instance to one thread at a time.
 *
 * @param <O> the batched observation type (for example {@code float[]})
 * @param <A> the batched action type (for example {@code long[]})
 */
public final class RemoteVectorEnv<O, A> implements AutoCloseable {

    /**
     * One batch: per sub-env, the observation (inside {@code observations}), reward, end flags and info.
     *
     * @param observations the batched observations
     * @param rewards one reward per sub-env (0 on reset)
     * @param terminated per sub-env
     * @param truncated per sub-env
     * @param infos per info key, one value per sub-env (null where a sub-env did not report it)
     * @param <O> the batched observation type
     */
    public record Batch<O>(O observations, double[] rewards, boolean[] terminated, boolean[] truncated, Map<String, Object> infos) {
        /** Checks that nothing is null. */
        public Batch {
            Objects.requireNonNull(observations, "observations");
            Objects.requireNonNull(infos, "infos");
        }
    }

    private final Connection connection;
    private final ClientOptions options;
    private final Request hello;
    private final int numEnvs;
    private final Space<O> observationSpace;
    private final Space<A> actionSpace;
    private final Space<?> singleObservationSpace;
    private final Space<?> singleActionSpace;
    private boolean closed;

    @SuppressWarnings("unchecked")
    private RemoteVectorEnv(String address, String envId, Map<String, ?> kwargs, int numEnvs, ClientOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.connection = new Connection(Objects.requireNonNull(address, "address"), options);
        this.hello = Handshake.request(envId, kwargs, numEnvs);
        EnvDescription d;
        try {
            d = Handshake.perform(connection, hello, options.timeout().toMillis());
            if (d.getNumEnvs() < 1) {
                throw new GymException("the server at " + address + " serves a single env, not a vector env: ask for numEnvs >= 1");
            }
        } catch (RuntimeException e) {
            connection.close();
            throw e;
        }
        this.numEnvs = d.getNumEnvs();
        this.observationSpace = (Space<O>) SpaceCodec.fromWire(d.getObservationSpace());
        this.actionSpace = (Space<A>) SpaceCodec.fromWire(d.getActionSpace());
        this.singleObservationSpace = SpaceCodec.fromWire(d.getSingleObservationSpace());
        this.singleActionSpace = SpaceCodec.fromWire(d.getSingleActionSpace());
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
     * @throws GymException naming the address if the handshake fails or times out
     */
    public static <O, A> RemoteVectorEnv<O, A> connect(String address, String envId, Map<String, ?> kwargs, int numEnvs, ClientOptions options) {
        return new RemoteVectorEnv<>(address, envId, kwargs, numEnvs, options);
    }

    /** @return the number of sub-envs */
    public int numEnvs() {
        return numEnvs;
    }

    /** @return the batched observation space */
    public Space<O> observationSpace() {
        return observationSpace;
    }

    /** @return the batched action space */
    public Space<A> actionSpace() {
        return actionSpace;
    }

    /** @return one sub-env's observation space */
    public Space<?> singleObservationSpace() {
        return singleObservationSpace;
    }

    /** @return one sub-env's action space */
    public Space<?> singleActionSpace() {
        return singleActionSpace;
    }

    /**
     * Resets every sub-env; sub-env {@code i} gets {@code seed + i}.
     *
     * @param seed null to continue the random streams, else a non-negative seed
     * @param resetOptions options for every sub-env
     * @return the first observations (rewards 0, no ends)
     */
    @SuppressWarnings("unchecked")
    public Batch<O> reset(Long seed, Map<String, ?> resetOptions) {
        ensureOpen();
        VectorReset.Builder r = VectorReset.newBuilder().setOptions(ValueCodec.encodeMap(resetOptions == null ? Map.of() : resetOptions));
        if (seed != null) {
            r.setSeed(RemoteEnv.seedOf(java.math.BigInteger.valueOf(seed)));
        }
        Request.Builder request = Request.newBuilder().setVectorReset(r);
        Response reply = connection.call(request, options.timeout().toMillis());
        if (reply.hasError() && reply.getError().getCode() == ErrorCode.ERROR_CODE_NO_SESSION) {
            Handshake.perform(connection, hello, options.timeout().toMillis());
            reply = connection.call(request, options.timeout().toMillis());
        }
        check(reply, Response.BodyCase.VECTOR_RESET);
        O obs = (O) ValueCodec.decode(observationSpace, reply.getVectorReset().getObservations());
        return new Batch<>(obs, new double[numEnvs], new boolean[numEnvs], new boolean[numEnvs],
                ValueCodec.decodeMap(reply.getVectorReset().getInfos()));
    }

    /**
     * Steps every sub-env with its action.
     *
     * @param actions a value of the batched action space
     * @return the next observations, rewards, end flags and infos
     */
    @SuppressWarnings("unchecked")
    public Batch<O> step(A actions) {
        ensureOpen();
        Request.Builder request = Request.newBuilder().setVectorStep(VectorStep.newBuilder().setActions(ValueCodec.encode(actionSpace, actions)));
        Response reply = connection.call(request, options.timeout().toMillis());
        check(reply, Response.BodyCase.VECTOR_STEP);
        var s = reply.getVectorStep();
        O obs = (O) ValueCodec.decode(observationSpace, s.getObservations());
        return new Batch<>(obs, (double[]) Tensors.toArray(s.getRewards()), (boolean[]) Tensors.toArray(s.getTerminated()),
                (boolean[]) Tensors.toArray(s.getTruncated()), ValueCodec.decodeMap(s.getInfos()));
    }

    /** Frees the sub-envs on the server and the socket. Idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            Handshake.closeQuietly(connection, Math.min(1000, options.timeout().toMillis()));
        }
    }

    @Override
    public String toString() {
        return "RemoteVectorEnv<" + numEnvs + " envs at " + connection.address() + ">";
    }

    private void check(Response r, Response.BodyCase expected) {
        if (r.hasError()) {
            throw Errors.toException(r.getError(), connection.address());
        }
        if (r.getBodyCase() != expected) {
            throw new ProtocolException("expected a " + expected + " reply from " + connection.address() + ", got " + r.getBodyCase());
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new EnvClosedException(this + " is closed");
        }
    }
}
