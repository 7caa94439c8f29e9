package dev.gym4j.bridge.experience.internal;

/**
 * The Redis keys of one experiment (documented in {@code bridge/PROTOCOL.md}, "Experience over Redis Streams").
 */
record RedisKeys(String experiment) {

    static final String DEFAULT_GROUP = "gym4j-trainers";

    String stream() {
        return "gym4j:" + experiment + ":trajectories";
    }

    String rejected() {
        return "gym4j:" + experiment + ":rejected";
    }

    String policyLatest() {
        return "gym4j:" + experiment + ":policy:latest";
    }

    String policyVersion(long version) {
        return policyVersionPrefix() + version;
    }

    String policyVersionPrefix() {
        return "gym4j:" + experiment + ":policy:v";
    }

    String policyMinimum() {
        return "gym4j:" + experiment + ":policy:minimum";
    }

    String policyChannel() {
        return "gym4j:" + experiment + ":policy";
    }
}
