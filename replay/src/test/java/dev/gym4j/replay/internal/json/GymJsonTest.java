package dev.gym4j.replay.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gym4j.api.EnvSpec;
import dev.gym4j.api.spaces.Box;
import dev.gym4j.api.spaces.DictSpace;
import dev.gym4j.api.spaces.Discrete;
import dev.gym4j.api.spaces.MultiBinary;
import dev.gym4j.api.spaces.MultiDiscrete;
import dev.gym4j.api.spaces.Space;
import dev.gym4j.api.spaces.TupleSpace;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GymJsonTest {

    /** CartPole-v1's spaces and spec as Gymnasium 1.4.0 wrote them in the reference header (repr fields left out). */
    private static final String CARTPOLE_OBSERVATION = "{\"type\":\"Box\",\"shape\":[4],\"dtype\":\"float32\","
            + "\"low\":[-4.800000190734863,-Infinity,-0.41887903213500977,-Infinity],"
            + "\"high\":[4.800000190734863,Infinity,0.41887903213500977,Infinity],"
            + "\"bounded_below\":[true,false,true,false],\"bounded_above\":[true,false,true,false]}";
    private static final String CARTPOLE_ACTION = "{\"type\":\"Discrete\",\"n\":2,\"start\":0,\"shape\":[],\"dtype\":\"int64\"}";

    @Test
    void boxAndDiscreteAreWrittenAsInTheReferenceHeaders() {
        float inf = Float.POSITIVE_INFINITY;
        float theta = (float) (12 * 2 * Math.PI / 360);
        Box<float[]> box = Box.float32(new float[] {-4.8f, -inf, -theta * 2, -inf}, new float[] {4.8f, inf, theta * 2, inf});
        assertEquals(CARTPOLE_OBSERVATION, Json.write(GymJson.space(box)));
        assertEquals(CARTPOLE_ACTION, Json.write(GymJson.space(new Discrete(2))));
    }

    @Test
    void otherSpacesHaveTheirOwnFields() {
        assertEquals("{\"type\":\"Discrete\",\"n\":3,\"start\":-1,\"shape\":[],\"dtype\":\"int64\"}",
                Json.write(GymJson.space(new Discrete(3, -1))));
        assertEquals("{\"type\":\"Box\",\"shape\":[2,2],\"dtype\":\"uint8\",\"low\":[[0,0],[0,0]],\"high\":[[255,255],[255,255]],"
                + "\"bounded_below\":[[true,true],[true,true]],\"bounded_above\":[[true,true],[true,true]]}",
                Json.write(GymJson.space(Box.uint8(0, 255, 2, 2))));
        assertEquals("{\"type\":\"MultiDiscrete\",\"nvec\":[3,4],\"start\":[0,0],\"shape\":[2],\"dtype\":\"int64\"}",
                Json.write(GymJson.space(new MultiDiscrete(3, 4))));
        assertEquals("{\"type\":\"MultiBinary\",\"n\":5,\"shape\":[5],\"dtype\":\"int8\"}", Json.write(GymJson.space(new MultiBinary(5))));
        Map<String, Space<?>> inner = new LinkedHashMap<>();
        inner.put("a", new Discrete(2));
        inner.put("b", new TupleSpace(new Discrete(3), new MultiBinary(1)));
        Map<String, Object> dict = GymJson.space(DictSpace.keepingOrder(inner));
        assertEquals("Dict", dict.get("type"));
        assertEquals("{\"a\":{\"type\":\"Discrete\",\"n\":2,\"start\":0,\"shape\":[],\"dtype\":\"int64\"},\"b\":{\"type\":\"Tuple\",\"spaces\":["
                + "{\"type\":\"Discrete\",\"n\":3,\"start\":0,\"shape\":[],\"dtype\":\"int64\"},"
                + "{\"type\":\"MultiBinary\",\"n\":1,\"shape\":[1],\"dtype\":\"int8\"}]}}", Json.write(dict.get("spaces")));
    }

    @Test
    void specHasGymnasiumsFields() {
        EnvSpec spec = new EnvSpec("CartPole-v1", "CartPoleEnv", kwargs -> null, 500, 475.0, false,
                Map.of("sutton_barto_reward", false), true, false);
        assertEquals("{\"id\":\"CartPole-v1\",\"entry_point\":\"CartPoleEnv\",\"max_episode_steps\":500,\"reward_threshold\":475.0,"
                + "\"nondeterministic\":false,\"order_enforce\":true,\"disable_env_checker\":false,"
                + "\"kwargs\":{\"sutton_barto_reward\":false}}", Json.write(GymJson.spec(spec)));
    }

    @Test
    void writableReplacesWhatJsonCannotWrite() {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("space", new Discrete(2));
        info.put("list", List.of(1, new Object[] {"x", Thread.State.NEW}));
        info.put("array", new float[] {0.5f});
        assertEquals("{\"space\":\"Discrete(2)\",\"list\":[1,[\"x\",\"NEW\"]],\"array\":[0.5]}", Json.write(GymJson.writable(info)));
    }

    @Test
    void shapedNestsRowMajor() {
        assertEquals(List.of(List.of(1, 2, 3), List.of(4, 5, 6)), GymJson.shaped(new int[] {1, 2, 3, 4, 5, 6}, new int[] {2, 3}));
        assertEquals(7L, GymJson.shaped(List.of(7L), new int[0]));
    }
}
