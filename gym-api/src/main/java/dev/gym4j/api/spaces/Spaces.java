package dev.gym4j.api.spaces;

import java.util.List;
import java.util.Map;

/**
 * Helpers over every space: flattening as Gymnasium's {@code gymnasium.spaces.utils}, and the action
 * check that {@link dev.gym4j.api.AbstractEnv} runs before each step.
 *
 * <p>Flattening: a {@link Box} flattens to its elements in C order; a {@link Discrete} to a one-hot int64
 * vector of length {@code n}; a {@link MultiDiscrete} to the concatenated one-hots of its variables; a
 * {@link MultiBinary} to its int8 bits; a {@link TupleSpace} or {@link DictSpace} (in key order) to the
 * concatenation of its subspaces' flattenings, in NumPy's promoted dtype (float32 with int64 gives float64,
 * int64 with int8 gives int64, and so on; uint8 with int8 gives int32 here, where NumPy gives int16).
 *
 * <p>Stateless and thread-safe (as long as the values passed are not modified concurrently).
 */
public final class Spaces {

    private Spaces() {
    }

    /**
     * @param space any space
     * @return the length of its flattened values, as Gymnasium's {@code flatdim}
     * @throws IllegalArgumentException if the length does not fit an int
     */
    public static int flatdim(Space<?> space) {
        return Flattening.flatdim(space);
    }

    /**
     * @param space any space
     * @return the one-dimensional box its values flatten into, as Gymnasium's {@code flatten_space}
     * @throws IllegalArgumentException for a tuple or dict without subspaces
     */
    public static Box<?> flattenSpace(Space<?> space) {
        return Flattening.flattenSpace(space);
    }

    /**
     * Flattens a value, as Gymnasium's {@code flatten}.
     *
     * @param space the value's space
     * @param value a value of the space (a Box value may lie outside the bounds; a discrete one may not)
     * @return a new primitive array of {@code flattenSpace(space).dtype()}'s Java type
     * @throws IllegalArgumentException if the value does not have the space's structure (type, length,
     *     keys) or a discrete value is out of range
     */
    public static Object flatten(Space<?> space, Object value) {
        return Flattening.flatten(space, value);
    }

    /**
     * Rebuilds a value from its flattening, as Gymnasium's {@code unflatten}. The flat array is usually of the
     * flat box's Java type; any primitive numeric array is accepted and cast to each leaf's dtype as NumPy's
     * {@code astype} does (floats to integers truncate). A discrete part takes the first non-zero entry of
     * its one-hot segment.
     *
     * @param space the space
     * @param flat a primitive array of {@code flatdim(space)} elements
     * @return a new value of the space's Java type (it may lie outside the space if {@code flat} does not
     *     come from {@link #flatten})
     * @throws IllegalArgumentException if {@code flat} has the wrong length or type, or a one-hot segment
     *     has no non-zero entry (or, for a MultiDiscrete, not one per variable)
     */
    public static Object unflatten(Space<?> space, Object flat) {
        return Flattening.unflatten(space, flat);
    }

    /**
     * Checks an action before {@code step} sees it, as strictly as Gymnasium's envs rely on: the action
     * must have the space's Java type and length, a discrete value must be in range, and a float
     * {@link Box} action must hold no NaN (nor an infinity beyond its bound). A finite {@code Box} value
     * outside the bounds is accepted, since Gymnasium lets envs clip it. Envs throw this message as an
     * {@code InvalidActionException} ({@code dev.gym4j.api.InvalidActionException#requireValid}).
     *
     * <p>Allocation-free and fast when the action is valid, notably for {@code Integer} actions of a
     * {@link Discrete} space and {@code float[]} actions of a float32 {@link Box}.
     *
     * @param space the action space
     * @param action the action
     * @return null if the action is valid, else a message naming the action, the space and what was expected, e.g.
     *     {@code Invalid action 5 for action space Discrete(2): expected an Integer in [0, 2)}
     */
    public static String invalidAction(Space<?> space, Object action) {
        String problem = space instanceof Discrete ? ((Discrete) space).actionProblem(action)
                : space instanceof Box ? ((Box<?>) space).actionProblem(action)
                : actionProblem(space, action);
        return problem == null ? null : invalidActionMessage(space, action, problem);
    }

    // Apart from invalidAction, whose valid path stays small enough for the JIT to inline into every step.
    private static String invalidActionMessage(Space<?> space, Object action, String problem) {
        String value = hasValueType(space, action) ? ValueText.shorten(space.valueToString(action)) + " " : "";
        return "Invalid action " + value + "for action space " + space + ": " + problem;
    }

    /** Whether the action has the space's kind of Java type, so that printing it helps. */
    private static boolean hasValueType(Space<?> space, Object action) {
        if (space instanceof Discrete) {
            return action instanceof Integer || action instanceof Long || action instanceof Short || action instanceof Byte;
        } else if (space instanceof Box) {
            return PrimitiveArrays.lengthIfType(space.dtype(), action) >= 0;
        } else if (space instanceof MultiDiscrete) {
            return action instanceof long[];
        } else if (space instanceof MultiBinary) {
            return action instanceof byte[];
        } else if (space instanceof TupleSpace) {
            return action instanceof List;
        } else if (space instanceof DictSpace) {
            return action instanceof Map;
        }
        throw new AssertionError(space);
    }

    /** @return why {@code action} is refused, or null if it is acceptable */
    static String actionProblem(Space<?> space, Object action) {
        if (space instanceof Discrete) {
            return ((Discrete) space).actionProblem(action);
        } else if (space instanceof Box) {
            return ((Box<?>) space).actionProblem(action);
        } else if (space instanceof MultiDiscrete || space instanceof MultiBinary) {
            return space.whyNotContained(action);
        } else if (space instanceof TupleSpace) {
            List<Space<?>> spaces = ((TupleSpace) space).spaces();
            if (!(action instanceof List) || ((List<?>) action).size() != spaces.size()) {
                return "expected a List of " + spaces.size() + " values, got " + TupleSpace.describe(action);
            }
            for (int i = 0; i < spaces.size(); i++) {
                String problem = actionProblem(spaces.get(i), ((List<?>) action).get(i));
                if (problem != null) {
                    return "element " + i + ": " + problem;
                }
            }
            return null;
        } else if (space instanceof DictSpace) {
            Map<String, Space<?>> spaces = ((DictSpace) space).spaces();
            if (!(action instanceof Map) || !((Map<?, ?>) action).keySet().equals(spaces.keySet())) {
                return "expected a Map with keys " + spaces.keySet() + ", got " + TupleSpace.describe(action);
            }
            for (Map.Entry<String, Space<?>> e : spaces.entrySet()) {
                String problem = actionProblem(e.getValue(), ((Map<?, ?>) action).get(e.getKey()));
                if (problem != null) {
                    return "key " + NumpyFormat.pythonString(e.getKey()) + ": " + problem;
                }
            }
            return null;
        }
        throw new AssertionError(space);
    }
}
