package dev.gym4j.bridge;

import dev.gym4j.api.Env;
import dev.gym4j.api.EnvSpec;
import dev.gym4j.api.Frame;
import dev.gym4j.api.ResetResult;
import dev.gym4j.api.StepResult;
import dev.gym4j.bridge.proto.EnvDescription;
import dev.gym4j.bridge.proto.ErrorCode;
import dev.gym4j.bridge.proto.RenderReply;
import dev.gym4j.bridge.proto.Request;
import dev.gym4j.bridge.proto.ResetReply;
import dev.gym4j.bridge.proto.Response;
import dev.gym4j.bridge.proto.StepReply;
import java.util.Optional;

/**
 * A client's single env on the server.
 *
 * <p>Not thread-safe: used by the server's thread only.
 */
final class EnvSession extends Session {

    private final Env<Object, Object> env;

    @SuppressWarnings("unchecked")
    EnvSession(Env<?, ?> env) {
        this.env = (Env<Object, Object>) env;
    }

    @Override
    EnvDescription describe() {
        return describe(env);
    }

    static EnvDescription describe(Env<?, ?> env) {
        EnvDescription.Builder d = EnvDescription.newBuilder()
                .setObservationSpace(SpaceCodec.toWire(env.observationSpace()))
                .setActionSpace(SpaceCodec.toWire(env.actionSpace()))
                .setMetadata(ValueCodec.encodeMap(env.metadata()));
        if (env.renderMode() != null) {
            d.setRenderMode(env.renderMode());
        }
        EnvSpec spec = env.spec();
        if (spec != null) {
            d.setSpec(specToWire(spec));
        }
        return d.build();
    }

    static dev.gym4j.bridge.proto.EnvSpec specToWire(EnvSpec spec) {
        var s = dev.gym4j.bridge.proto.EnvSpec.newBuilder().setId(spec.id()).setEntryPoint(spec.entryPoint())
                .setNondeterministic(spec.nondeterministic()).setKwargs(ValueCodec.encodeMap(spec.kwargs()));
        if (spec.maxEpisodeSteps() != null) {
            s.setMaxEpisodeSteps(spec.maxEpisodeSteps());
        }
        if (spec.rewardThreshold() != null) {
            s.setHasRewardThreshold(true).setRewardThreshold(spec.rewardThreshold());
        }
        return s.build();
    }

    @Override
    void handle(Request request, Response.Builder reply) {
        switch (request.getBodyCase()) {
            case RESET: {
                ResetResult<Object> r = env.resetWithSeed(SeedCodec.decode(request.getReset().hasSeed(), request.getReset().getSeed()),
                        ValueCodec.decodeMap(request.getReset().getOptions()));
                reply.setReset(ResetReply.newBuilder()
                        .setObservation(ValueCodec.encode(env.observationSpace(), r.observation()))
                        .setInfo(ValueCodec.encodeMap(r.info())));
                return;
            }
            case STEP: {
                Object action = ValueCodec.decode(env.actionSpace(), request.getStep().getAction());
                StepResult<Object> r = env.step(action);
                reply.setStep(StepReply.newBuilder()
                        .setObservation(ValueCodec.encode(env.observationSpace(), r.observation()))
                        .setReward(r.reward()).setTerminated(r.terminated()).setTruncated(r.truncated())
                        .setInfo(ValueCodec.encodeMap(r.info())));
                return;
            }
            case RENDER: {
                Optional<Frame> frame = env.render();
                RenderReply.Builder rr = RenderReply.newBuilder();
                frame.ifPresent(f -> rr.setFrame(dev.gym4j.bridge.proto.Frame.newBuilder().setWidth(f.width())
                        .setHeight(f.height()).setRgb(com.google.protobuf.ByteString.copyFrom(f.rgb()))));
                reply.setRender(rr);
                return;
            }
            default:
                reply.setError(Errors.of(ErrorCode.ERROR_CODE_UNSUPPORTED,
                        request.getBodyCase() + " does not apply to a single env"));
        }
    }

    @Override
    void close() {
        try {
            env.close();
        } catch (RuntimeException ignored) {
            // The client is gone or asked to close; an env that fails to close must not take the server down.
        }
    }

}
