package dev.gym4j.testkit;

import dev.gym4j.Gym;
import dev.gym4j.api.Env;
import java.util.List;
import java.util.function.Supplier;

/**
 * The envs registered on the class or module path, for tests that run over all of them.
 *
 * <p>Thread-safe: reads {@link Gym#registry()}.
 */
public final class RegisteredEnvs {

    private RegisteredEnvs() {
    }

    /** @return every registered id, sorted */
    public static List<String> ids() {
        return List.copyOf(Gym.registry().keySet());
    }

    /**
     * @param id a registered id
     * @return a factory that makes a new env with {@code Gym.make(id)} on every call
     */
    public static Supplier<Env<?, ?>> factory(String id) {
        return () -> Gym.make(id);
    }
}
