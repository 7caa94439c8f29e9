package dev.gym4j.bridge;

import dev.gym4j.api.vector.VectorBatch;
import dev.gym4j.api.vector.VectorEnv;
import dev.gym4j.bridge.proto.DType;
import dev.gym4j.bridge.proto.EnvDescription;
import dev.gym4j.bridge.proto.ErrorCode;
import dev.gym4j.bridge.proto.Request;
import dev.gym4j.bridge.proto.Response;
import dev.gym4j.bridge.proto.VectorResetReply;
import dev.gym4j.bridge.proto.VectorStepReply;

/**
 * A client's vector env on the server: the whole batch of observations travels as one tensor.
 *
 * <p>Not thread-safe: used by the server's thread only.
 */
final class VectorSession extends Session {

    private final VectorEnv<Object, Object> vec;

    VectorSession(VectorEnv<Object, Object> vec) {
        this.vec = vec;
    }

    @Override
    EnvDescription describe() {
        EnvDescription.Builder d = EnvDescription.newBuilder().setNumEnvs(vec.numEnvs())
                .setObservationSpace(SpaceCodec.toWire(vec.observationSpace()))
                .setActionSpace(SpaceCodec.toWire(vec.actionSpace()))
                .setSingleObservationSpace(SpaceCodec.toWire(vec.singleObservationSpace()))
                .setSingleActionSpace(SpaceCodec.toWire(vec.singleActionSpace()))
                .setMetadata(ValueCodec.encodeMap(vec.metadata()));
        if (vec.spec() != null) {
            d.setSpec(EnvSession.specToWire(vec.spec()));
        }
        return d.build();
    }

    @Override
    void handle(Request request, Response.Builder reply) {
        switch (request.getBodyCase()) {
            case VECTOR_RESET: {
                var r = request.getVectorReset();
                if (r.getSeedsCount() != 0) {
                    throw new dev.gym4j.api.InvalidArgumentException("this server takes one base seed (sub-env i gets seed + i), not a list of seeds");
                }
                VectorBatch<Object> b = vec.reset(SeedCodec.decodeLong(r.hasSeed(), r.getSeed()), ValueCodec.decodeMap(r.getOptions()));
                reply.setVectorReset(VectorResetReply.newBuilder().setObservations(ValueCodec.encode(vec.observationSpace(), b.observations()))
                        .setInfos(ValueCodec.encodeMap(b.infos())));
                return;
            }
            case VECTOR_STEP: {
                Object actions = ValueCodec.decode(vec.actionSpace(), request.getVectorStep().getActions());
                VectorBatch<Object> b = vec.step(actions);
                int[] shape = {b.size()};
                reply.setVectorStep(VectorStepReply.newBuilder()
                        .setObservations(ValueCodec.encode(vec.observationSpace(), b.observations()))
                        .setRewards(Tensors.of(DType.DTYPE_FLOAT64, shape, b.rewards()))
                        .setTerminated(Tensors.of(DType.DTYPE_BOOL, shape, b.terminations()))
                        .setTruncated(Tensors.of(DType.DTYPE_BOOL, shape, b.truncations()))
                        .setInfos(ValueCodec.encodeMap(b.infos())));
                return;
            }
            default:
                reply.setError(Errors.of(ErrorCode.ERROR_CODE_UNSUPPORTED, request.getBodyCase()
                        + " does not apply to a vector env: use vector_reset and vector_step"));
        }
    }

    @Override
    void close() {
        try {
            vec.close();
        } catch (RuntimeException ignored) {
            // the client is gone; a failing close must not take the server down
        }
    }

}
