/**
 * gym4j's bridge: envs across process and language boundaries, over one Protobuf protocol on ZeroMQ.
 * {@link dev.gym4j.bridge.EnvServer} serves envs; {@link dev.gym4j.bridge.RemoteEnv} uses a served
 * env as an ordinary {@link dev.gym4j.api.Env}.
 */
module dev.gym4j.bridge {
    requires transitive dev.gym4j.api;
    requires org.zeromq.jeromq;
    requires com.google.protobuf;
    requires redis.clients.jedis;

    exports dev.gym4j.bridge;
    exports dev.gym4j.bridge.experience;
}
