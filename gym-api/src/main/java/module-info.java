/**
 * gym4j's core: the Gymnasium-style {@link dev.gym4j.api.Env} contract, spaces, NumPy-compatible
 * seeding, the registry ({@link dev.gym4j.Gym#make}), wrappers and the env checker.
 * Depends on nothing outside the JDK.
 */
module dev.gym4j.api {
    exports dev.gym4j;
    exports dev.gym4j.api;
    exports dev.gym4j.api.spaces;
    exports dev.gym4j.api.random;
    exports dev.gym4j.api.registry;
    exports dev.gym4j.api.wrappers;
    exports dev.gym4j.api.wrappers.vector;
    exports dev.gym4j.api.vector;
    exports dev.gym4j.api.check;
    exports dev.gym4j.api.math;

    uses dev.gym4j.api.registry.EnvProvider;
    uses dev.gym4j.api.registry.ExpertProvider;
}
