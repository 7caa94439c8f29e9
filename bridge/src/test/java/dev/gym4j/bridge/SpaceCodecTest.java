package dev.gym4j.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gym4j.api.spaces.Box;
import dev.gym4j.api.spaces.DictSpace;
import dev.gym4j.api.spaces.Discrete;
import dev.gym4j.api.spaces.MultiBinary;
import dev.gym4j.api.spaces.MultiDiscrete;
import dev.gym4j.api.spaces.Space;
import dev.gym4j.api.spaces.TupleSpace;
import dev.gym4j.bridge.proto.Value;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every gym-api space, and values of it, survive the wire. */
class SpaceCodecTest {

    static List<Space<?>> examples() {
        Map<String, Space<?>> dict = new LinkedHashMap<>();
        dict.put("z", Box.uint8(0, 255, 2, 3, 3));
        dict.put("a", new MultiDiscrete(new long[] {3, 4}, new long[] {-1, 2}));
        return List.of(
                Box.float32(new float[] {-1f, Float.NEGATIVE_INFINITY}, new float[] {1f, Float.POSITIVE_INFINITY}),
                Box.float64(-2.5, 3.5, 2, 2),
                Box.uint8(0, 255, 84, 84, 3),
                Box.int32(-5, 5, 3),
                Box.int64(-7, 9),
                new Discrete(5, -2),
                new MultiDiscrete(2, 3, 4),
                new MultiBinary(new int[] {2, 3}),
                new TupleSpace(new Discrete(2), Box.float32(0f, 1f, 2)),
                DictSpace.keepingOrder(dict));
    }

    @Test
    void everySpaceAndItsValuesRoundTrip() throws Exception {
        for (Space<?> space : examples()) {
            @SuppressWarnings("unchecked")
            Space<Object> s = (Space<Object>) space;
            Space<?> back = SpaceCodec.fromWire(dev.gym4j.bridge.proto.Space.parseFrom(SpaceCodec.toWire(s).toByteArray()));
            assertEquals(s, back, "space " + s);
            s.seed(42);
            for (int i = 0; i < 20; i++) {
                Object v = s.sample();
                Object decoded = ValueCodec.decode(back, Value.parseFrom(ValueCodec.encode(s, v).toByteArray()));
                assertTrue(s.valuesEqual(v, decoded), s + ": " + s.valueToString(v) + " became " + s.valueToString(decoded));
            }
        }
    }

    @Test
    void theExamplesCoverEveryPermittedSpace() {
        Set<Class<?>> covered = examples().stream().map(Object::getClass).collect(Collectors.toSet());
        Set<Class<?>> permitted = Stream.of(Space.class.getPermittedSubclasses()).collect(Collectors.toSet());
        assertEquals(permitted, covered, "a new Space subclass needs a branch in SpaceCodec and ValueCodec");
    }

    @Test
    void anImageTravelsAsOneBytesField() {
        Box<byte[]> image = Box.uint8(0, 255, 84, 84, 3);
        image.seed(1);
        byte[] pixels = image.sample();
        Value v = ValueCodec.encode(image, pixels);
        assertEquals(84 * 84 * 3, v.getTensor().getData().size());
        assertTrue(java.util.Arrays.equals(pixels, v.getTensor().getData().toByteArray()));
    }
}
