package dev.gym4j.bridge.experience.internal;

import dev.gym4j.bridge.experience.ExperienceException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A parsed {@code redis://[user:password@]HOST:PORT[/EXPERIMENT][?option=value&...]} (or {@code rediss://} for
 * TLS) address. Options: {@code group}, {@code consumer}, {@code max-backlog}, {@code claim-idle-ms},
 * {@code reconnect-timeout-ms}, {@code keep-versions}. The password may also come from {@code GYM4J_REDIS_PASSWORD}
 * so that it stays out of process listings.
 *
 * <p>Immutable.
 */
public record RedisTarget(String host, int port, String user, String password, boolean tls, String experiment,
        Map<String, String> options) {

    /** The default port. */
    public static final int DEFAULT_PORT = 6379;

    /**
     * Parses an address.
     *
     * @param uri the address
     * @return the parsed address
     * @throws ExperienceException if the address is malformed
     */
    public static RedisTarget parse(String uri) {
        URI u;
        try {
            u = new URI(uri);
        } catch (URISyntaxException e) {
            throw new ExperienceException("bad Redis address '" + uri + "': " + e.getMessage()
                    + "; expected redis://[user:password@]HOST:PORT/EXPERIMENT");
        }
        String scheme = u.getScheme();
        if (!"redis".equals(scheme) && !"rediss".equals(scheme)) {
            throw new ExperienceException("bad Redis address '" + uri + "': expected scheme redis:// or rediss://");
        }
        if (u.getHost() == null) {
            throw new ExperienceException("bad Redis address '" + uri + "': no host; expected redis://HOST:PORT/EXPERIMENT");
        }
        String user = null;
        String password = null;
        if (u.getRawUserInfo() != null) {
            String info = u.getRawUserInfo();
            int colon = info.indexOf(':');
            if (colon < 0) {
                password = decode(info);
            } else {
                user = colon == 0 ? null : decode(info.substring(0, colon));
                password = decode(info.substring(colon + 1));
            }
        }
        if (password == null) {
            String env = System.getenv("GYM4J_REDIS_PASSWORD");
            if (env != null && !env.isEmpty()) {
                password = env;
            }
        }
        String path = u.getPath() == null ? "" : u.getPath();
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        Map<String, String> options = new LinkedHashMap<>();
        if (u.getRawQuery() != null) {
            for (String kv : u.getRawQuery().split("&")) {
                if (kv.isEmpty()) {
                    continue;
                }
                int eq = kv.indexOf('=');
                options.put(decode(eq < 0 ? kv : kv.substring(0, eq)), eq < 0 ? "" : decode(kv.substring(eq + 1)));
            }
        }
        return new RedisTarget(u.getHost(), u.getPort() < 0 ? DEFAULT_PORT : u.getPort(), user, password,
                "rediss".equals(scheme), path.isEmpty() ? null : decode(path), Map.copyOf(options));
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /**
     * The experiment: the one in the address or the one given, which must agree when both are there.
     *
     * @param given the caller's experiment, or null
     * @return the experiment
     */
    public String experiment(String given) {
        if (given != null && !given.isEmpty()) {
            if (experiment != null && !experiment.equals(given)) {
                throw new ExperienceException("the Redis address names experiment '" + experiment
                        + "' but experiment '" + given + "' was asked for");
            }
            return given;
        }
        if (experiment == null) {
            throw new ExperienceException("no experiment: give it in the address, redis://" + where() + "/EXPERIMENT");
        }
        return experiment;
    }

    /** @return {@code host:port}, for messages (never the password) */
    public String where() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    /**
     * @param name option name
     * @param fallback default
     * @return the option as a long
     */
    public long option(String name, long fallback) {
        String v = options.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new ExperienceException("Redis address option " + name + "=" + v + " is not an integer");
        }
    }

    /**
     * @param name option name
     * @param fallback default
     * @return the option
     */
    public String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    @Override
    public String toString() {
        return (tls ? "rediss://" : "redis://") + (user != null ? user + ":***@" : password != null ? ":***@" : "")
                + where() + (experiment == null ? "" : "/" + experiment);
    }
}
