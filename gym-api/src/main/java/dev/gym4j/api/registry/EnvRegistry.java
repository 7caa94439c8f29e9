package dev.gym4j.api.registry;

import dev.gym4j.Gym;
import dev.gym4j.api.EnvNotFoundException;
import dev.gym4j.api.EnvSpec;
import dev.gym4j.api.RegistrationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A set of env specs keyed by id, as Gymnasium's {@code registry}, with Gymnasium's lookup rules and
 * error messages.
 *
 * <p>Thread safety: thread-safe; every method synchronises on the registry.
 */
public final class EnvRegistry {

    private static final System.Logger LOG = System.getLogger(EnvRegistry.class.getName());

    private static volatile EnvRegistry defaultRegistry;

    private final Map<String, EnvSpec> specs = new TreeMap<>();

    /**
     * The process-wide registry that {@code Gym.make} uses: every {@link EnvProvider} that gym-api's class
     * loader finds, loaded on first use.
     *
     * @return the default registry
     */
    public static EnvRegistry defaultRegistry() {
        EnvRegistry r = defaultRegistry;
        if (r == null) {
            synchronized (EnvRegistry.class) {
                r = defaultRegistry;
                if (r == null) {
                    r = fromServiceLoader(EnvRegistry.class.getClassLoader());
                    defaultRegistry = r;
                }
            }
        }
        return r;
    }

    /** Creates an empty registry. */
    public EnvRegistry() {
    }

    /**
     * Creates a registry holding every spec of every {@link EnvProvider} that {@code loader} finds.
     *
     * @param loader the class loader to search (the context class loader when null)
     * @return the registry
     * @throws RegistrationException if two providers register the same id
     */
    public static EnvRegistry fromServiceLoader(ClassLoader loader) {
        EnvRegistry registry = new EnvRegistry();
        ServiceLoader<EnvProvider> providers = ServiceLoader.load(EnvProvider.class,
                loader != null ? loader : Thread.currentThread().getContextClassLoader());
        for (EnvProvider provider : providers) {
            for (EnvSpec spec : provider.specs()) {
                registry.register(spec);
            }
        }
        // On the module path, ServiceLoader.load(Class) also sees modules' `provides` clauses.
        return registry;
    }

    /**
     * @param spec the spec to add
     * @throws RegistrationException if the id is already registered
     */
    public synchronized void register(EnvSpec spec) {
        Objects.requireNonNull(spec, "spec");
        if (specs.containsKey(spec.id())) {
            throw new RegistrationException("Env id '" + spec.id() + "' is already registered (by "
                    + specs.get(spec.id()).entryPoint() + "); register a new version (-vN) instead");
        }
        specs.put(spec.id(), spec);
    }

    /**
     * @param id an id to remove
     * @return whether it was registered
     */
    public synchronized boolean unregister(String id) {
        return specs.remove(id) != null;
    }

    /** @return an unmodifiable snapshot of all specs, sorted by id */
    public synchronized Map<String, EnvSpec> all() {
        return Collections.unmodifiableMap(new TreeMap<>(specs));
    }

    /**
     * Finds the spec of {@code id} as Gymnasium does: an exact match; an id without a version that has
     * versioned registrations resolves to the highest version (with a logged warning).
     *
     * @param id {@code [namespace/]Name[-vN]}
     * @return the spec
     * @throws EnvNotFoundException with the closest registered ids (unknown name) or the versions that
     *     exist (unknown version)
     */
    public synchronized EnvSpec spec(String id) {
        Objects.requireNonNull(id, "id");
        EnvSpec exact = specs.get(id);
        if (exact != null) {
            return exact;
        }
        var m = EnvSpec.ID.matcher(id);
        if (!m.matches()) {
            throw new EnvNotFoundException("Malformed env id '" + id
                    + "': expected [namespace/]Name-vN, such as CartPole-v1" + suggestion(id));
        }
        String ns = m.group("ns");
        String name = m.group("name");
        String version = m.group("version");
        List<EnvSpec> sameName = specs.values().stream()
                .filter(s -> Objects.equals(s.namespace(), ns) && s.name().equals(name))
                .sorted(Comparator.comparing(s -> s.version() == null ? -1 : s.version()))
                .collect(Collectors.toList());
        if (sameName.isEmpty()) {
            throw new EnvNotFoundException("Env '" + id + "' is not registered" + suggestion(id));
        }
        if (version == null) {
            EnvSpec latest = sameName.get(sameName.size() - 1);
            LOG.log(System.Logger.Level.WARNING, "Using the latest versioned env '" + latest.id()
                    + "' instead of the unversioned '" + id + "'");
            return latest;
        }
        String versions = sameName.stream().map(s -> s.version() == null ? "(unversioned)" : "v" + s.version())
                .collect(Collectors.joining(", "));
        throw new EnvNotFoundException("Env version v" + version + " of '" + (ns == null ? "" : ns + "/") + name
                + "' is not registered; versions that exist: " + versions + " (use " + sameName.get(sameName.size() - 1).id() + ")");
    }

    private String suggestion(String id) {
        List<String> close = closest(id, 3);
        return close.isEmpty() ? "; run `gym4j list` for the registered ids"
                : "; did you mean " + close.stream().map(s -> "'" + s + "'").collect(Collectors.joining(", ")) + "?";
    }

    /**
     * @param id any string
     * @param max how many to return at most
     * @return the registered ids closest to {@code id} (case-insensitive edit distance), nearest first
     */
    public synchronized List<String> closest(String id, int max) {
        String key = id.toLowerCase();
        List<String> ids = new ArrayList<>(specs.keySet());
        ids.sort(Comparator.comparingInt((String s) -> distance(key, s.toLowerCase())).thenComparing(s -> s));
        int limit = Math.max(3, key.length() / 2);
        return ids.stream().filter(s -> distance(key, s.toLowerCase()) <= limit || s.toLowerCase().contains(stripVersion(key)))
                .limit(max).collect(Collectors.toList());
    }

    private static String stripVersion(String id) {
        int i = id.lastIndexOf("-v");
        return i > 0 ? id.substring(0, i) : id;
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
