/**
 * The gym4j command line ({@code list}, {@code info}, {@code check}, {@code replay}, {@code rollout},
 * {@code bench}) and, later, the rollout worker process. The application: it sees every env module.
 */
module dev.gym4j.worker {
    // StepLoop, exported below, takes and returns gym-api types.
    requires transitive dev.gym4j.api;
    requires dev.gym4j.replay;
    requires dev.gym4j.bridge;
    requires dev.gym4j.policy;
    requires dev.gym4j.video;
    requires info.picocli;
    requires dev.gym4j.trainer;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires org.knowm.xchart;
    requires me.tongfei.progressbar;

    // The measuring loop of `gym4j bench`, which the JMH benchmarks share.
    exports dev.gym4j.worker.bench;

    // picocli fills the annotated option fields reflectively.
    opens dev.gym4j.worker.cli to info.picocli;

    uses dev.gym4j.api.registry.EnvProvider;
}
