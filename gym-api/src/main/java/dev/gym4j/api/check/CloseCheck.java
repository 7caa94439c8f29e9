package dev.gym4j.api.check;

import dev.gym4j.api.Env;
import dev.gym4j.api.EnvClosedException;
import dev.gym4j.api.check.CheckRun.CheckFailure;

/** The close check: {@code close()} twice is fine, and a closed env refuses {@code reset} and {@code step}. */
final class CloseCheck {

    private CloseCheck() {
    }

    /**
     * @param target the env to close
     * @param fresh whether the checker made it (then it is closed whatever happens, and the note says so)
     * @return a note for the pass
     * @throws CheckFailure when the env misbehaves
     */
    static <P, Q> String run(Env<P, Q> target, boolean fresh) throws CheckFailure {
        if (target == null) {
            throw new CheckFailure("the factory returned null");
        }
        try {
            target.reset(CheckRun.SEED);
            Q action = target.actionSpace().sample();
            target.close();
            try {
                target.close();
            } catch (RuntimeException e) {
                throw new CheckFailure("calling close() on a closed env should do nothing, but it threw " + CheckRun.describe(e));
            }
            expectClosed("reset()", () -> target.reset());
            expectClosed("step(action)", () -> target.step(action));
            return fresh ? "checked on a fresh env" : "";
        } finally {
            if (fresh) {
                CheckRun.closeQuietly(target);
            }
        }
    }

    private static void expectClosed(String call, Runnable r) throws CheckFailure {
        try {
            r.run();
        } catch (EnvClosedException expected) {
            return;
        } catch (RuntimeException e) {
            throw new CheckFailure(call + " after close() threw " + CheckRun.describe(e) + "; expected EnvClosedException");
        }
        throw new CheckFailure(call + " after close() returned normally; expected EnvClosedException");
    }
}
