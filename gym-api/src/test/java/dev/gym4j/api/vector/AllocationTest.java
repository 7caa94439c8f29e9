package dev.gym4j.api.vector;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gym4j.api.wrappers.OrderEnforcing;
import dev.gym4j.api.wrappers.TimeLimit;
import dev.gym4j.testkit.fixtures.BufferedNoisyWalkEnv;
import java.lang.reflect.Method;

/**
 * The steady-state step of a sync vector env over buffered sub-envs allocates nothing, autoresets
 * included (JMH's {@code -prof gc} measures the same with CartPole; this keeps it from regressing).
 */
class AllocationTest {

    @org.junit.jupiter.params.ParameterizedTest(name = "threads={0}")
    @org.junit.jupiter.params.provider.ValueSource(ints = {0, 2})
    void steadyStateStepAllocatesNothing(int threadCount) throws ReflectiveOperationException {
        // Reflection: the test classes are compiled into gym-api's module, which reads only java.base.
        Object threads = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean").invoke(null);
        Method allocatedBytes = Class.forName("com.sun.management.ThreadMXBean").getMethod("getThreadAllocatedBytes", long.class);
        java.util.function.IntFunction<dev.gym4j.api.Env<?, ?>> factory =
                i -> new TimeLimit<>(new OrderEnforcing<>(new BufferedNoisyWalkEnv(false)), 10);
        // For the threaded env this measures the caller's thread; the workers run the same SubEnvSlot code.
        try (VectorEnv<float[], long[]> envs = threadCount == 0 ? SyncVectorEnv.of(8, factory, AutoresetMode.NEXT_STEP)
                : ThreadedVectorEnv.of(8, factory, AutoresetMode.NEXT_STEP, threadCount, 0)) {
            long[][] actions = new long[16][8];
            for (int k = 0; k < actions.length; k++) {
                java.util.Arrays.fill(actions[k], k % 3);
            }
            envs.reset(0);
            for (int k = 0; k < 20_000; k++) {
                envs.step(actions[k % actions.length]);
            }
            Long id = Thread.currentThread().getId();
            for (int k = 0; k < 20; k++) {
                allocatedBytes.invoke(threads, id); // warm the reflective call, so that only stepping is measured
            }
            long before = (Long) allocatedBytes.invoke(threads, id);
            for (int k = 0; k < 20_000; k++) {
                envs.step(actions[k % actions.length]);
            }
            long allocated = (Long) allocatedBytes.invoke(threads, id) - before;
            // 160,000 sub-env steps (and thousands of autoresets); a few hundred bytes of noise from the
            // measuring itself is tolerated, one object per step would be megabytes.
            assertTrue(allocated < 10_000, "allocated " + allocated + " bytes in 160,000 sub-env steps");
        }
    }
}
