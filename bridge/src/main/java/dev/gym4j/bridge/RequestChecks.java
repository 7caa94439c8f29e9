package dev.gym4j.bridge;

import dev.gym4j.bridge.proto.Hello;
import dev.gym4j.bridge.proto.Request;
import dev.gym4j.bridge.proto.Seed;
import dev.gym4j.bridge.proto.Tensor;
import dev.gym4j.bridge.proto.Value;
import dev.gym4j.bridge.proto.ValueEntry;
import dev.gym4j.bridge.proto.ValueMap;

/**
 * Checks a parsed request against a server's {@link ServerLimits} before any of it is decoded or
 * acted on, in one pass over the request (linear in its size): seed sizes, env id length, kwargs
 * and options sizes, the number of envs a Hello asks for, and the shape of every tensor.
 *
 * <p>Thread-safe (stateless).
 */
final class RequestChecks {

    /** How many characters of a client's text an error message quotes at most. */
    static final int QUOTE = 64;

    private RequestChecks() {
    }

    /**
     * @throws dev.gym4j.api.InvalidArgumentException if a bound is exceeded (the message names the bound and its option)
     * @throws ProtocolException if a tensor's shape is malformed
     */
    static void check(Request request, ServerLimits limits) {
        switch (request.getBodyCase()) {
            case HELLO: {
                Hello h = request.getHello();
                if (h.getEnvId().length() > limits.maxIdLength()) {
                    throw tooLarge("env id of " + h.getEnvId().length() + " characters", "--max-id-length", limits.maxIdLength() + " characters");
                }
                if (h.getNumEnvs() < 0) {
                    throw new dev.gym4j.api.InvalidArgumentException("num_envs must be >= 0, got " + h.getNumEnvs());
                }
                if (h.getNumEnvs() > limits.maxEnvsPerHello()) {
                    throw tooLarge("num_envs " + h.getNumEnvs(), "--max-envs-per-hello", String.valueOf(limits.maxEnvsPerHello()));
                }
                checkMap(h.getKwargs(), "kwargs", limits);
                return;
            }
            case RESET:
                checkSeed(request.getReset().getSeed(), limits);
                checkMap(request.getReset().getOptions(), "reset options", limits);
                return;
            case VECTOR_RESET:
                checkSeed(request.getVectorReset().getSeed(), limits);
                for (Seed s : request.getVectorReset().getSeedsList()) {
                    checkSeed(s, limits);
                }
                checkMap(request.getVectorReset().getOptions(), "reset options", limits);
                return;
            case STEP:
                checkValue(request.getStep().getAction(), limits);
                return;
            case VECTOR_STEP:
                checkValue(request.getVectorStep().getActions(), limits);
                return;
            default:
                return;
        }
    }

    private static void checkSeed(Seed seed, ServerLimits limits) {
        if (seed.getMagnitude().size() > limits.maxSeedBytes()) {
            throw tooLarge("a seed of " + seed.getMagnitude().size() + " bytes", "--max-seed-bytes", limits.maxSeedBytes() + " bytes");
        }
    }

    private static void checkMap(ValueMap map, String what, ServerLimits limits) {
        int size = map.getSerializedSize();
        if (size > limits.maxKwargsBytes()) {
            throw tooLarge(what + " of " + size + " bytes", "--max-kwargs-bytes", limits.maxKwargsBytes() + " bytes");
        }
        for (ValueEntry e : map.getEntriesList()) {
            checkValue(e.getValue(), limits);
        }
    }

    private static void checkValue(Value v, ServerLimits limits) {
        switch (v.getKindCase()) {
            case TENSOR:
                checkTensor(v.getTensor(), limits.maxTensorElements());
                return;
            case LIST:
                for (Value item : v.getList().getItemsList()) {
                    checkValue(item, limits);
                }
                return;
            case MAP:
                for (ValueEntry e : v.getMap().getEntriesList()) {
                    checkValue(e.getValue(), limits);
                }
                return;
            default:
                return;
        }
    }

    /** Checks dimensions, the element count (without overflow) and the data size. */
    static void checkTensor(Tensor t, long maxElements) {
        long n = Tensors.checkedElements(t.getShapeList(), maxElements);
        long bytes = n * Tensors.itemSize(t.getDtype());
        if (bytes != t.getData().size()) {
            throw new ProtocolException("tensor of dtype " + Tensors.name(t.getDtype()) + " and shape " + Tensors.shapeText(t.getShapeList())
                    + " needs " + bytes + " bytes, got " + t.getData().size());
        }
    }

    private static dev.gym4j.api.InvalidArgumentException tooLarge(String what, String option, String limit) {
        return new dev.gym4j.api.InvalidArgumentException(what + " is over this server's limit of " + limit + " (gym4j serve " + option + ")");
    }

    /** @return {@code s} quoted, shortened to {@value #QUOTE} characters with its length when longer */
    static String quote(String s) {
        if (s.length() <= QUOTE) {
            return "'" + s + "'";
        }
        return "'" + s.substring(0, QUOTE) + "...' (" + s.length() + " characters)";
    }
}
