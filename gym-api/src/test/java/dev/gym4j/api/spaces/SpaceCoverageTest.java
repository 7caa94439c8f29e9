package dev.gym4j.api.spaces;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every permitted subclass of {@link Space} has a property generator, so a new space cannot go untested. */
class SpaceCoverageTest {

    @Test
    void everyPermittedSpaceHasAGenerator() {
        Set<Class<?>> permitted = new HashSet<>(Arrays.asList(Space.class.getPermittedSubclasses()));
        assertEquals(permitted, SpaceArbitraries.perClass().keySet());
    }

    @Test
    void everyPermittedSpaceHasAReferenceSpace() {
        Set<Class<?>> covered = new HashSet<>();
        ReferenceSpaces.spaces().values().forEach(s -> covered.add(s.get().getClass()));
        assertEquals(new HashSet<>(Arrays.asList(Space.class.getPermittedSubclasses())), covered);
    }
}
