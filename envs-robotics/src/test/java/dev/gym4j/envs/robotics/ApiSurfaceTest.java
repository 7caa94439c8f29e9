package dev.gym4j.envs.robotics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** jbox2d stays behind the internal adapter, and main code uses no unseeded randomness. */
class ApiSurfaceTest {

    private static final List<Class<?>> PUBLIC_TYPES = List.of(ReacherEnv.class, HopperEnv.class, Walker2dEnv.class,
            HalfCheetahEnv.class, HumanoidEnv.class, RoboticsEnvProvider.class, PlanarStability.class);

    @Test
    void noJbox2dTypeInAPublicSignature() {
        List<String> leaks = new ArrayList<>();
        for (Class<?> c : PUBLIC_TYPES) {
            for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
                check(leaks, c + " extends", k.getGenericSuperclass());
            }
            for (Method m : c.getMethods()) {
                check(leaks, m.toString(), m.getGenericReturnType());
                for (Type t : m.getGenericParameterTypes()) {
                    check(leaks, m.toString(), t);
                }
            }
            for (Constructor<?> k : c.getConstructors()) {
                for (Type t : k.getGenericParameterTypes()) {
                    check(leaks, k.toString(), t);
                }
            }
            for (Field f : c.getFields()) {
                check(leaks, f.toString(), f.getGenericType());
            }
            for (Method m : c.getDeclaredMethods()) {
                if (Modifier.isProtected(m.getModifiers())) {
                    check(leaks, m.toString(), m.getGenericReturnType());
                }
            }
        }
        assertEquals(List.of(), leaks);
    }

    private static void check(List<String> leaks, String where, Type t) {
        if (t != null && t.getTypeName().contains("org.jbox2d")) {
            leaks.add(where + ": " + t.getTypeName());
        }
    }

    @Test
    void mainCodeUsesNoUnseededRandomness() throws IOException {
        Path main = Path.of("src", "main", "java");
        assertTrue(Files.isDirectory(main), "run from the module directory");
        List<String> banned = List.of("Math.random", "new Random(", "ThreadLocalRandom", "randomFloat", "MathUtils.random",
                "SplittableRandom");
        List<String> hits = new ArrayList<>();
        try (Stream<Path> files = Files.walk(main)) {
            for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
                String text = Files.readString(p);
                for (String b : banned) {
                    if (text.contains(b)) {
                        hits.add(p + ": " + b);
                    }
                }
            }
        }
        assertEquals(List.of(), hits);
    }

    @Test
    void onlyThePhysicsAdapterImportsJbox2d() throws IOException {
        Path main = Path.of("src", "main", "java");
        List<String> hits = new ArrayList<>();
        try (Stream<Path> files = Files.walk(main)) {
            for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
                if (Files.readString(p).contains("org.jbox2d") && !p.toString().contains("internal" + java.io.File.separator + "physics")) {
                    hits.add(p.toString());
                }
            }
        }
        assertEquals(List.of(), hits);
    }
}
