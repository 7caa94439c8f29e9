/**
 * gym4j's JMH benchmarks: single envs, Gym.make's wrappers, vector envs, space sampling, the bridge, the
 * trainer's kernels, ONNX policies and video. Never a library: the shaded {@code target/benchmarks.jar} runs them
 * on the class path ({@code java -jar benchmarks/target/benchmarks.jar -l}); this descriptor keeps what they
 * reach for explicit, and lets them run on the module path too. The env modules are not required: gym-api finds
 * them through {@code uses dev.gym4j.api.registry.EnvProvider}.
 */
module dev.gym4j.benchmarks {
    requires dev.gym4j.api;
    requires dev.gym4j.bridge;
    requires dev.gym4j.policy;
    requires dev.gym4j.simd;
    requires dev.gym4j.trainer;
    requires dev.gym4j.video;
    requires dev.gym4j.worker;
    requires jcodec;
    requires org.zeromq.jeromq;
    requires redis.clients.jedis;
    requires jmh.core;

    // JMH instantiates the @State classes and the classes it generates for each benchmark reflectively.
    opens dev.gym4j.benchmarks to jmh.core;
    opens dev.gym4j.benchmarks.jmh_generated to jmh.core;
}
