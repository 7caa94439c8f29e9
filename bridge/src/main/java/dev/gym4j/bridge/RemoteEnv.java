package dev.gym4j.bridge;

import dev.gym4j.Gym;
import dev.gym4j.api.Env;
import dev.gym4j.api.EnvSpec;
import dev.gym4j.api.Frame;
import dev.gym4j.api.GymException;
import dev.gym4j.api.InvalidActionException;
import dev.gym4j.api.InvalidArgumentException;
import dev.gym4j.api.ResetResult;
import dev.gym4j.api.StepResult;
import dev.gym4j.api.spaces.Space;
import dev.gym4j.bridge.proto.EnvDescription;
import dev.gym4j.bridge.proto.Render;
import dev.gym4j.bridge.proto.Request;
import dev.gym4j.bridge.proto.Reset;
import dev.gym4j.bridge.proto.Response;
import dev.gym4j.bridge.proto.Seed;
import dev.gym4j.bridge.proto.Step;
import dev.gym4j.bridge.proto.StepReply;
import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;

/**
 * An env served by another process (an {@link EnvServer}, {@code gym4j serve}, a Python
 * {@code gym4j_bridge.serve}, a Unity or Gazebo plugin) used as an ordinary {@link Env}.
 *
 * <p>The spaces, metadata, render mode and spec come from the server's handshake; reset, step, render
 * and close are one round trip each. Errors the env raises on the server come back as the same
 * gym-api exception types a local env throws. Every call waits at most {@link ClientOptions#timeout()}:
 * a lost server makes the call fail with a {@link GymException} naming the address, never hang, and the
 * next {@code reset} reconnects (making a fresh env if the server restarted) once the server is back.
 *
 * <p>Thread safety: not thread-safe, like every {@link Env}.
 *
 * @param <O> the observation type
 * @param <A> the action type
 */
public final class RemoteEnv<O, A> implements Env<O, A> {

    private final RemoteLink link;
    private final Space<O> observationSpace;
    private final Space<A> actionSpace;
    private final Map<String, Object> metadata;
    private final String renderMode;
    private final EnvSpec spec;
    private final String name;

    @SuppressWarnings("unchecked")
    private RemoteEnv(RemoteLink link, EnvDescription d) {
        if (d.getNumEnvs() > 0) {
            throw new GymException("the server at " + link.address() + " serves a vector env of " + d.getNumEnvs()
                    + " sub-envs: use RemoteVectorEnv");
        }
        this.link = link;
        this.observationSpace = (Space<O>) SpaceCodec.fromWire(d.getObservationSpace());
        this.actionSpace = (Space<A>) SpaceCodec.fromWire(d.getActionSpace());
        this.metadata = Map.copyOf(nonNull(ValueCodec.decodeMap(d.getMetadata())));
        this.renderMode = d.getRenderMode().isEmpty() ? null : d.getRenderMode();
        this.spec = link.spec(d);
        this.name = (d.hasSpec() && !d.getSpec().getId().isEmpty() ? d.getSpec().getId() : "env") + " at " + link.address();
    }

    /**
     * Connects to the server's default env.
     *
     * @param address the server's endpoint, such as {@code tcp://127.0.0.1:5555}
     * @param <O> the observation type the caller expects
     * @param <A> the action type the caller expects
     * @return the connected env
     * @throws GymException naming the address if the handshake fails or times out
     */
    public static <O, A> RemoteEnv<O, A> connect(String address) {
        return connect(address, null, Map.of(), ClientOptions.defaults());
    }

    /**
     * Connects and asks the server for an env by id and kwargs, as {@code Gym.make(envId, kwargs)}.
     *
     * @param address the server's endpoint
     * @param envId the env id, or null for the server's default
     * @param kwargs the env's kwargs; never null
     * @param options timeout, message size, encryption
     * @param <O> the observation type the caller expects
     * @param <A> the action type the caller expects
     * @return the connected env
     * @throws dev.gym4j.api.EnvNotFoundException if the server does not know the id (the message suggests ids)
     * @throws GymException naming the address if the handshake fails or times out, or the server serves a vector env
     */
    public static <O, A> RemoteEnv<O, A> connect(String address, String envId, Map<String, ?> kwargs, ClientOptions options) {
        return RemoteLink.open(address, envId, kwargs, 0, options, RemoteEnv::new);
    }

    /** @return the server's endpoint */
    public String address() {
        return link.address();
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
    public ResetResult<O> reset(Long seed, Map<String, ?> options) {
        link.ensureOpen(this);
        return reset(seed == null ? null : SeedCodec.encode(seed), options);
    }

    /**
     * Starts a new episode with a seed of any size (Gymnasium accepts any non-negative Python int): the
     * seed travels as it is, and the server's env decides what it accepts (gym4j's {@code EnvServer}
     * takes any size for envs that extend {@code AbstractEnv}).
     *
     * @param seed null to continue the random stream, else a non-negative seed
     * @param options reset options; never null
     * @return the first observation and info
     * @throws InvalidArgumentException if the seed is negative, or the server's env refuses it
     * @throws GymException if the server fails or does not answer in time
     */
    @Override
    public ResetResult<O> resetWithSeed(BigInteger seed, Map<String, ?> options) {
        if (seed == null || seed.signum() < 0 || seed.bitLength() <= 63) {
            return Env.super.resetWithSeed(seed, options); // gym-api's seed checks, then reset(Long, Map), as AbstractEnv does
        }
        link.ensureOpen(this);
        return reset(SeedCodec.encode(seed), options);
    }

    /** Sends a reset with the seed already encoded (null for none): the one reset path of both seed forms. */
    @SuppressWarnings("unchecked")
    private ResetResult<O> reset(Seed seed, Map<String, ?> options) {
        Reset.Builder reset = Reset.newBuilder().setOptions(ValueCodec.encodeMap(options == null ? Map.of() : options));
        if (seed != null) {
            reset.setSeed(seed);
        }
        Response r = link.reset(Request.newBuilder().setReset(reset), Response.BodyCase.RESET);
        O obs = (O) ValueCodec.decode(observationSpace, r.getReset().getObservation());
        return new ResetResult<>(obs, ValueCodec.decodeMap(r.getReset().getInfo()));
    }

    @Override
    @SuppressWarnings("unchecked")
    public StepResult<O> step(A action) {
        link.ensureOpen(this);
        InvalidActionException.requireValid(actionSpace, action);
        Request.Builder request = Request.newBuilder().setStep(Step.newBuilder().setAction(ValueCodec.encode(actionSpace, action)));
        Response r = link.step(request, Response.BodyCase.STEP, "env");
        StepReply s = r.getStep();
        O obs = (O) ValueCodec.decode(observationSpace, s.getObservation());
        return new StepResult<>(obs, s.getReward(), s.getTerminated(), s.getTruncated(), ValueCodec.decodeMap(s.getInfo()));
    }

    @Override
    public Optional<Frame> render() {
        link.ensureOpen(this);
        if (renderMode == null) {
            return Optional.empty();
        }
        Response r = link.call(Request.newBuilder().setRender(Render.getDefaultInstance()), Response.BodyCase.RENDER);
        if (!r.getRender().hasFrame()) {
            return Optional.empty();
        }
        var f = r.getRender().getFrame();
        return Optional.of(new Frame(f.getWidth(), f.getHeight(), f.getRgb().toByteArray()));
    }

    @Override
    public String renderMode() {
        return renderMode;
    }

    @Override
    public Map<String, Object> metadata() {
        return metadata;
    }

    @Override
    public EnvSpec spec() {
        return spec;
    }

    /**
     * Frees the env on the server (if it still answers within a second) and the socket. Idempotent.
     */
    @Override
    public void close() {
        link.close();
    }

    /** @return the shared-memory file this env's calls go through, or null when they go over ZeroMQ; for tests */
    String sharedMemoryPath() {
        return link.sharedMemoryPath();
    }

    /** Closes the socket without telling the server, as a crashed client would; for tests. */
    void vanishForTests() {
        link.vanish();
    }

    @Override
    public String toString() {
        return "RemoteEnv<" + name + ">";
    }

    private static Map<String, Object> nonNull(Map<String, Object> m) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        m.forEach((k, v) -> {
            if (v != null) {
                out.put(k, v);
            }
        });
        return out;
    }
}
