/**
 * gym4j's testkit: JUnit 5 contract tests and jqwik properties that check any env, or every registered
 * env, in one line. Used from env modules' tests.
 */
module dev.gym4j.testkit {
    requires transitive dev.gym4j.api;
    requires transitive org.junit.jupiter.api;
    requires transitive net.jqwik.api;

    exports dev.gym4j.testkit;
    exports dev.gym4j.testkit.fixtures;
    // JUnit and jqwik call the test methods reflectively.
    opens dev.gym4j.testkit;
}
