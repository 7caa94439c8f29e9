package dev.gym4j.bridge;

import dev.gym4j.api.EnvSpec;
import dev.gym4j.api.GymException;
import dev.gym4j.bridge.proto.Close;
import dev.gym4j.bridge.proto.EnvDescription;
import dev.gym4j.bridge.proto.Hello;
import dev.gym4j.bridge.proto.Request;
import dev.gym4j.bridge.proto.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The client side of the handshake and of closing, shared by the single and vector remote envs.
 *
 * <p>Thread-safe (stateless).
 */
final class Handshake {

    private Handshake() {
    }

    static Request request(String envId, Map<String, ?> kwargs, int numEnvs) {
        Hello.Builder h = Hello.newBuilder().setProtocolVersion(Protocol.VERSION).addAllCapabilities(Protocol.CAPABILITIES)
                .setClientName("gym4j-java").setKwargs(ValueCodec.encodeMap(kwargs == null ? Map.of() : kwargs)).setNumEnvs(numEnvs);
        if (envId != null) {
            h.setEnvId(envId);
        }
        return Request.newBuilder().setHello(h).build();
    }

    static EnvDescription perform(Connection connection, Request hello, long timeoutMillis) {
        Response r = connection.call(hello.toBuilder(), timeoutMillis);
        if (r.hasError()) {
            throw Errors.toException(r.getError(), connection.address());
        }
        if (!r.hasHello()) {
            throw new ProtocolException("expected a HelloReply from " + connection.address() + ", got " + r.getBodyCase());
        }
        if (r.getHello().getProtocolVersion() != Protocol.VERSION) {
            throw new ProtocolException("the server at " + connection.address() + " speaks protocol version "
                    + r.getHello().getProtocolVersion() + "; this client speaks " + Protocol.VERSION);
        }
        connection.probeWhileWaiting(r.getHello().getCapabilitiesList().contains(Protocol.CAP_PING_WHILE_BUSY));
        return r.getHello().getEnv();
    }

    /** @return a spec whose creator connects a new remote env with the given kwargs; null when the server sent no id */
    static EnvSpec spec(EnvDescription d, String address, ClientOptions options) {
        if (!d.hasSpec() || d.getSpec().getId().isEmpty()) {
            return null;
        }
        var s = d.getSpec();
        try {
            return new EnvSpec(s.getId(), "remote:" + address, kwargs -> RemoteEnv.connect(address, s.getId(), kwargs, options),
                    s.getMaxEpisodeSteps() > 0 ? s.getMaxEpisodeSteps() : null,
                    s.getHasRewardThreshold() ? s.getRewardThreshold() : null, s.getNondeterministic(),
                    new LinkedHashMap<>(ValueCodec.decodeMap(s.getKwargs())), true, false);
        } catch (GymException e) {
            return null; // an id this JVM's grammar does not accept: the env still works, without a spec
        }
    }

    static void closeQuietly(Connection connection, long timeoutMillis) {
        try {
            connection.call(Request.newBuilder().setClose(Close.getDefaultInstance()), timeoutMillis);
        } catch (RuntimeException ignored) {
            // The server is gone: its idle timeout frees the env.
        } finally {
            connection.close();
        }
    }
}
