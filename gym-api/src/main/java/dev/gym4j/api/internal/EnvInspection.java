package dev.gym4j.api.internal;

import dev.gym4j.api.Frame;
import dev.gym4j.api.spaces.Box;
import dev.gym4j.api.spaces.DictSpace;
import dev.gym4j.api.spaces.Discrete;
import dev.gym4j.api.spaces.MultiBinary;
import dev.gym4j.api.spaces.MultiDiscrete;
import dev.gym4j.api.spaces.Space;
import dev.gym4j.api.spaces.TupleSpace;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The inspections shared by {@code PassiveEnvChecker} (which logs every finding) and {@code EnvChecker}
 * (which fails a check on an {@link Severity#ERROR} and notes a {@link Severity#WARNING}): the facts of
 * Gymnasium's {@code passive_env_checker} and {@code env_checker}, in Java terms.
 *
 * <p>Every method is pure: it reads what it is given (calling only {@code contains}-like queries on
 * spaces), draws no random numbers and never throws for a defect of the env; it returns the findings,
 * empty when all is well.
 *
 * <p>Not exported from the module. Thread safety: stateless, thread-safe as far as the inspected
 * objects are.
 */
public final class EnvInspection {

    /** How bad a finding is. */
    public enum Severity {
        /** The env breaks the API: Gymnasium asserts here, and the env checker fails. */
        ERROR,
        /** Suspicious but allowed: Gymnasium warns here, and the env checker passes with a note. */
        WARNING
    }

    /**
     * One thing the inspection found.
     *
     * @param severity how bad it is
     * @param message what was found and what was expected
     */
    public record Finding(Severity severity, String message) {
        /** Validates that neither part is null. */
        public Finding {
            java.util.Objects.requireNonNull(severity, "severity");
            java.util.Objects.requireNonNull(message, "message");
        }

        static Finding error(String message) {
            return new Finding(Severity.ERROR, message);
        }

        static Finding warning(String message) {
            return new Finding(Severity.WARNING, message);
        }
    }

    private EnvInspection() {
    }

    /**
     * Checks that a space is well formed (Gymnasium's {@code check_space}), recursing into composite spaces.
     *
     * @param space the space, possibly null
     * @param kind {@code "observation"} or {@code "action"}
     * @return the findings
     */
    public static List<Finding> inspectSpace(Space<?> space, String kind) {
        List<Finding> out = new ArrayList<>();
        inspectSpace(space, kind, out);
        return out;
    }

    private static void inspectSpace(Space<?> space, String kind, List<Finding> out) {
        if (space == null) {
            out.add(Finding.error("The " + kind + " space is null: an env must declare its " + kind + " space"));
        } else if (space instanceof Box<?> box) {
            inspectBox(box, kind, out);
        } else if (space instanceof Discrete d) {
            if (d.n() <= 0) {
                out.add(Finding.error("Discrete " + kind + " space's number of elements must be positive, actual number of elements: " + d.n()));
            }
        } else if (space instanceof MultiDiscrete m) {
            inspectShape(space, kind, out);
            for (long n : m.nvec()) {
                if (n <= 0) {
                    out.add(Finding.error("Multi-discrete " + kind + " space's nvec elements must all be greater than 0, actual nvec: "
                            + java.util.Arrays.toString(m.nvec())));
                    break;
                }
            }
        } else if (space instanceof MultiBinary) {
            inspectShape(space, kind, out);
        } else if (space instanceof TupleSpace t) {
            inspectChildren(t.spaces(), "Tuple", kind, out);
        } else if (space instanceof DictSpace d) {
            inspectChildren(d.spaces().values(), "Dict", kind, out);
        } else {
            throw new AssertionError("unknown space type " + space.getClass());
        }
    }

    private static void inspectChildren(Collection<? extends Space<?>> children, String type, String kind, List<Finding> out) {
        if (children.isEmpty()) {
            out.add(Finding.error("An empty " + type + " " + kind + " space is not allowed"));
        }
        for (Space<?> child : children) {
            inspectSpace(child, kind, out);
        }
    }

    private static void inspectShape(Space<?> space, String kind, List<Finding> out) {
        int[] shape = space.shape();
        for (int dim : shape) {
            if (dim <= 0) {
                out.add(Finding.error(space + " " + kind + " space's shape elements must all be positive, actual shape: "
                        + java.util.Arrays.toString(shape)));
                return;
            }
        }
    }

    private static void inspectBox(Box<?> box, String kind, List<Finding> out) {
        int[] shape = box.shape();
        long elements = 1;
        for (int dim : shape) {
            elements *= dim;
        }
        double[] low = box.low();
        double[] high = box.high();
        if (low.length != elements || high.length != elements) {
            out.add(Finding.error("The Box " + kind + " space's bounds do not match its shape " + java.util.Arrays.toString(shape)
                    + ": low has " + low.length + " elements, high has " + high.length + ", expected " + elements));
            return;
        }
        if (elements == 0) {
            out.add(Finding.error("The Box " + kind + " space " + box + " has no elements: every dimension of the shape must be positive"));
            return;
        }
        int equal = 0;
        for (int i = 0; i < low.length; i++) {
            if (Double.isNaN(low[i]) || Double.isNaN(high[i])) {
                out.add(Finding.error("A Box " + kind + " space bound is NaN at index " + i + ": low=" + low[i] + ", high=" + high[i]));
                return;
            }
            if (high[i] < low[i]) {
                out.add(Finding.error("A Box " + kind + " space low value is greater than a high value at index " + i
                        + ": low=" + low[i] + ", high=" + high[i]));
                return;
            }
            if (low[i] == high[i]) {
                equal++;
            }
        }
        if (equal == low.length) {
            out.add(Finding.error("The Box " + kind + " space " + box + " is degenerate: its maximum and minimum values are equal everywhere"));
        } else if (equal > 0) {
            out.add(Finding.warning("A Box " + kind + " space maximum and minimum values are equal in " + equal + " of " + low.length + " elements"));
        }
    }

    /**
     * Gymnasium's {@code check_space_limit}: warnings for infinite Box bounds and, for vector action
     * Boxes, a range that is not symmetric and normalized.
     *
     * @param space the space
     * @param kind {@code "observation"} or {@code "action"}
     * @return the findings (warnings only)
     */
    public static List<Finding> inspectSpaceLimits(Space<?> space, String kind) {
        List<Finding> out = new ArrayList<>();
        if (space instanceof Box<?> box) {
            double[] low = box.low();
            double[] high = box.high();
            boolean lowInfinite = false;
            boolean highInfinite = false;
            boolean notNormalized = false;
            for (int i = 0; i < low.length; i++) {
                lowInfinite |= low[i] == Double.NEGATIVE_INFINITY;
                highInfinite |= high[i] == Double.POSITIVE_INFINITY;
                notNormalized |= (low[i] != 0 && Math.abs(low[i]) != Math.abs(high[i])) || low[i] < -1 || high[i] > 1;
            }
            if (lowInfinite) {
                out.add(Finding.warning("A Box " + kind + " space minimum value is -infinity. This is probably too low."));
            }
            if (highInfinite) {
                out.add(Finding.warning("A Box " + kind + " space maximum value is infinity. This is probably too high."));
            }
            if ("action".equals(kind) && box.shape().length == 1 && notNormalized) {
                out.add(Finding.warning("For Box action spaces, a symmetric and normalized range ([-1, 1] or [0, 1]) is recommended"));
            }
        } else if (space instanceof TupleSpace t) {
            for (Space<?> child : t.spaces()) {
                out.addAll(inspectSpaceLimits(child, kind));
            }
        } else if (space instanceof DictSpace d) {
            for (Space<?> child : d.spaces().values()) {
                out.addAll(inspectSpaceLimits(child, kind));
            }
        }
        return out;
    }

    /**
     * Checks that an observation belongs to the observation space (Gymnasium's {@code check_obs}).
     *
     * @param observation the observation, possibly null
     * @param space the observation space
     * @param method the method that returned it, such as {@code "reset"} or {@code "step"}
     * @return the findings
     */
    public static List<Finding> inspectObservation(Object observation, Space<?> space, String method) {
        String pre = "The obs returned by the `" + method + "()` method";
        if (observation == null) {
            return List.of(Finding.error(pre + " is null"));
        }
        if (space == null) {
            return List.of(Finding.error(pre + " cannot be checked: the observation space is null"));
        }
        try {
            String why = space.whyNotContained(observation);
            if (why != null) {
                return List.of(Finding.error(pre + " is not within the observation space " + space + ": " + why));
            }
            return List.of();
        } catch (RuntimeException e) {
            return List.of(Finding.error(pre + " is not within the observation space " + space + " with exception: " + e));
        }
    }

    /**
     * @param reward the reward returned by {@code step}
     * @return an error finding when it is NaN or infinite
     */
    public static List<Finding> inspectReward(double reward) {
        if (Double.isNaN(reward)) {
            return List.of(Finding.error("The reward is a NaN value."));
        }
        if (Double.isInfinite(reward)) {
            return List.of(Finding.error("The reward is an inf value (" + reward + ")."));
        }
        return List.of();
    }

    /**
     * Checks the declared render modes and fps against the render mode (the first part of Gymnasium's
     * {@code env_render_passive_checker}).
     *
     * @param metadata the env's metadata, possibly null
     * @param renderMode the env's render mode, possibly null
     * @return the findings
     */
    public static List<Finding> inspectRenderSetup(Map<String, Object> metadata, String renderMode) {
        List<Finding> out = new ArrayList<>();
        Object modes = metadata == null ? null : metadata.get("render_modes");
        if (modes == null) {
            out.add(Finding.warning("No render modes was declared in the environment (metadata 'render_modes' is not defined), "
                    + "you may have trouble when calling render()"));
            return out;
        }
        if (!(modes instanceof List<?> list)) {
            out.add(Finding.warning("Expects the render_modes to be a List, actual type: " + modes.getClass().getName()));
            return out;
        }
        if (!list.stream().allMatch(m -> m instanceof String)) {
            out.add(Finding.warning("Expects all render modes to be strings, actual: " + list));
        }
        if (!list.isEmpty()) {
            Object fps = metadata.get("render_fps");
            if (fps == null) {
                out.add(Finding.warning("No render fps was declared in the environment (metadata 'render_fps' is not defined), "
                        + "rendering may occur at inconsistent fps"));
            } else if (!(fps instanceof Number n)) {
                out.add(Finding.warning("Expects metadata 'render_fps' to be a number, actual type: " + fps.getClass().getName()));
            } else if (!(n.doubleValue() > 0)) {
                out.add(Finding.error("Expects metadata 'render_fps' to be greater than zero, actual value: " + fps));
            }
        }
        if (list.isEmpty() && renderMode != null) {
            out.add(Finding.error("With no render_modes, expects the render mode to be null, actual value: " + renderMode));
        } else if (renderMode != null && !list.contains(renderMode)) {
            out.add(Finding.error("The environment was initialized with an unsupported render mode. Render mode: "
                    + renderMode + ", modes: " + list));
        }
        return out;
    }

    /**
     * Checks what {@code render()} returned against the render mode (Gymnasium's {@code _check_render_return}).
     *
     * @param renderMode the env's render mode, possibly null
     * @param result what {@code render()} returned, possibly null
     * @return the findings
     */
    public static List<Finding> inspectRenderResult(String renderMode, Optional<Frame> result) {
        if (result == null) {
            return List.of(Finding.error("render() returned null; expected an Optional"));
        }
        if ("rgb_array".equals(renderMode) && result.isEmpty()) {
            return List.of(Finding.error("RGB-array rendering should return a Frame, got an empty Optional"));
        }
        if ("human".equals(renderMode) && result.isPresent()) {
            return List.of(Finding.warning("Human rendering should return an empty Optional, got " + result.get()));
        }
        return List.of();
    }
}
