package dev.gym4j.bridge;

/** Test helper: makes a client disappear without saying goodbye, as a crashed process would. */
final class Vanish {

    private Vanish() {
    }

    static void drop(RemoteEnv<?, ?> env) {
        env.vanishForTests();
    }
}
