package dev.gym4j.bridge;

import dev.gym4j.api.EnvSpec;
import dev.gym4j.bridge.proto.EnvList;
import dev.gym4j.bridge.proto.Response;

/**
 * The server's answer to {@code ListEnvs}: the ids its factory can make, each with its spec.
 *
 * <p>Thread-safe (stateless).
 */
final class EnvListing {

    private EnvListing() {
    }

    static Response reply(long id, EnvFactory factory, String defaultEnvId) {
        EnvList.Builder list = EnvList.newBuilder();
        for (EnvSpec spec : factory.specs().values()) {
            try {
                list.addSpecs(EnvSession.specToWire(spec));
            } catch (RuntimeException e) {
                // kwargs with no wire form: that id can still be asked for by name, it is just not listed
            }
        }
        if (defaultEnvId != null) {
            list.setDefaultEnvId(defaultEnvId);
        }
        return Response.newBuilder().setId(id).setEnvList(list).build();
    }
}
