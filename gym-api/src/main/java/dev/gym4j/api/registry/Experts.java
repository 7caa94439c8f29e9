package dev.gym4j.api.registry;

import dev.gym4j.Gym;
import dev.gym4j.api.Env;
import dev.gym4j.api.InvalidArgumentException;
import dev.gym4j.api.RegistrationException;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Finds the scripted expert ({@link ExpertPolicy}) of an env among the {@link ExpertProvider}s on the class or
 * module path.
 *
 * <p>Stateless and thread-safe; each call asks {@link ServiceLoader} again (cheap next to making an env).
 */
public final class Experts {

    private Experts() {
    }

    /** @return the ids of the envs that have an expert, sorted, each with its provider */
    private static Map<String, ExpertProvider> providers() {
        Map<String, ExpertProvider> byId = new TreeMap<>();
        for (ExpertProvider p : ServiceLoader.load(ExpertProvider.class, Thread.currentThread().getContextClassLoader())) {
            for (String id : p.envIds()) {
                ExpertProvider previous = byId.putIfAbsent(id, p);
                if (previous != null) {
                    throw new RegistrationException("Two expert providers for env '" + id + "': "
                            + previous.getClass().getName() + " and " + p.getClass().getName());
                }
            }
        }
        return byId;
    }

    /** @return the ids of the envs that have an expert, sorted */
    public static List<String> envIds() {
        return List.copyOf(providers().keySet());
    }

    /**
     * Makes the expert of an env.
     *
     * @param envId a registered env id (an unversioned id resolves as {@code Gym.spec} resolves it)
     * @param env the env the expert will act in, made from that id (its spaces choose the expert's action type)
     * @return a new expert
     * @throws dev.gym4j.api.EnvNotFoundException if the id is not registered
     * @throws InvalidArgumentException if the env has no expert (the message lists the envs that have one) or the
     *     expert cannot act with the env's spaces
     */
    public static ExpertPolicy create(String envId, Env<?, ?> env) {
        String id = EnvRegistry.defaultRegistry().spec(envId).id();
        Map<String, ExpertProvider> all = providers();
        ExpertProvider p = all.get(id);
        if (p == null) {
            throw new InvalidArgumentException("Env '" + id + "' has no expert policy; envs with one: "
                    + (all.isEmpty() ? "none" : String.join(", ", all.keySet())));
        }
        return p.create(id, env.observationSpace(), env.actionSpace());
    }
}
