package dev.gym4j.api.check;

import dev.gym4j.api.Env;
import dev.gym4j.api.EnvSpec;
import dev.gym4j.api.Frame;
import dev.gym4j.api.ResetResult;
import dev.gym4j.api.StepResult;
import dev.gym4j.api.internal.EnvInspection;
import dev.gym4j.api.internal.EnvInspection.Finding;
import dev.gym4j.api.internal.EnvInspection.Severity;
import dev.gym4j.api.spaces.Space;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** One run of the {@link EnvChecker} over one env: the checks, each isolated from the others' failures. */
final class CheckRun<O, A> {

    static final long SEED = 123;
    static final long[] OTHER_SEEDS = {456, 789, 1011, 2024};
    static final long SPACE_SEED = 42;
    private static final int SAMPLES = 5;

    private final Env<O, A> env;
    private final Supplier<? extends Env<?, ?>> factory;
    private final EnvChecker.Options options;
    private final List<CheckResult> results = new ArrayList<>();

    @SuppressWarnings("unchecked")
    CheckRun(Env<?, ?> env, Supplier<? extends Env<?, ?>> factory, EnvChecker.Options options) {
        this.env = (Env<O, A>) env;
        this.factory = factory;
        this.options = options;
    }

    /** A check body: returns a note for a pass (null or empty for none) or throws {@link CheckFailure}. */
    @FunctionalInterface
    private interface Body {
        String run() throws Exception;
    }

    /** Thrown by a check body to fail its check with a message. */
    static final class CheckFailure extends Exception {
        private static final long serialVersionUID = 1L;

        CheckFailure(String message) {
            super(message, null, false, false);
        }
    }

    CheckReport run() {
        check("action space is well formed", () -> spaceNotes(env.actionSpace(), "action"));
        check("observation space is well formed", () -> spaceNotes(env.observationSpace(), "observation"));
        check("reset returns an observation in the space and an info map", this::checkReset);
        check("reset accepts an empty options map", this::checkResetOptions);
        check("reset(seed) is repeatable", this::checkSeedRepeatable);
        check("different seeds give different initial observations", this::checkSeedsDiffer);
        check("action space sampling is seedable and deterministic", () -> checkSampler(env.actionSpace()));
        check("observation space sampling is seedable and deterministic", () -> checkSampler(env.observationSpace()));
        check("step returns an observation in the space and a finite reward", this::checkStep);
        check("step is deterministic for the same seed and action", this::checkStepDeterminism);
        check("observations stay in the space over " + options.randomSteps() + " random steps", this::checkRandomSteps);
        renderChecks();
        closeCheck();
        return new CheckReport(results);
    }

    private void check(String name, Body body) {
        try {
            String note = body.run();
            results.add(CheckResult.pass(name, note));
        } catch (CheckFailure f) {
            results.add(CheckResult.fail(name, f.getMessage()));
        } catch (Exception | AssertionError | LinkageError e) {
            results.add(CheckResult.fail(name, describe(e)));
        }
    }

    static String describe(Throwable e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    static void closeQuietly(Env<?, ?> env) {
        try {
            env.close();
        } catch (RuntimeException e) {
            // the close check reports a close that throws; here only resources are released
        }
    }

    // ---- findings ----

    /** Fails on the first error finding; returns the warnings joined as a note. */
    private static String notes(List<Finding> findings) throws CheckFailure {
        for (Finding f : findings) {
            if (f.severity() == Severity.ERROR) {
                throw new CheckFailure(f.message());
            }
        }
        return findings.stream().map(Finding::message).collect(Collectors.joining("; "));
    }

    private static String join(String... parts) {
        return java.util.Arrays.stream(parts).filter(p -> p != null && !p.isEmpty()).collect(Collectors.joining("; "));
    }

    private static String spaceNotes(Space<?> space, String kind) throws CheckFailure {
        String errors = notes(EnvInspection.inspectSpace(space, kind));
        return join(errors, notes(EnvInspection.inspectSpaceLimits(space, kind)));
    }

    private O observationIn(ResetResult<O> r, String method) throws CheckFailure {
        if (r == null) {
            throw new CheckFailure(method + " returned null; expected a ResetResult");
        }
        notes(EnvInspection.inspectObservation(r.observation(), env.observationSpace(), method));
        return env.observationSpace().copyValue(r.observation());
    }

    private String show(Object value) {
        try {
            return env.observationSpace().valueToString(value);
        } catch (RuntimeException e) {
            return String.valueOf(value);
        }
    }

    // ---- reset ----

    private String checkReset() throws CheckFailure {
        ResetResult<O> r = env.reset();
        observationIn(r, "reset");
        return null;
    }

    private String checkResetOptions() throws CheckFailure {
        observationIn(env.reset(null, Map.of()), "reset(seed=null, options={})");
        return null;
    }

    private boolean nondeterministic() {
        EnvSpec spec = env.spec();
        return spec != null && spec.nondeterministic();
    }

    private String checkSeedRepeatable() throws CheckFailure {
        O obs1 = observationIn(env.reset(SEED), "reset(seed=" + SEED + ")");
        O obs2 = observationIn(env.reset(), "reset");
        O obs3 = observationIn(env.reset(SEED), "reset(seed=" + SEED + ")");
        O obs4 = observationIn(env.reset(), "reset");
        if (nondeterministic()) {
            return "observations not compared: the spec says the env is nondeterministic";
        }
        String first = compare(obs1, obs3, "reset(seed=" + SEED + ")");
        String second = compare(obs2, obs4, "reset() after reset(seed=" + SEED + ")");
        return join(first, second);
    }

    /** Fails when the two are not equivalent; returns a note when they are only close. */
    private String compare(Object first, Object second, String what) throws CheckFailure {
        if (!DataEquivalence.equivalent(first, second, false)) {
            throw new CheckFailure(what + " is not deterministic: it gave " + show(first) + " the first time and "
                    + show(second) + " the second");
        }
        if (!DataEquivalence.equivalent(first, second, true)) {
            return what + " observations are not equal although similar: " + show(first) + " and " + show(second);
        }
        return null;
    }

    private String checkSeedsDiffer() throws CheckFailure {
        O base = observationIn(env.reset(SEED), "reset(seed=" + SEED + ")");
        for (long seed : OTHER_SEEDS) {
            O other = observationIn(env.reset(seed), "reset(seed=" + seed + ")");
            if (!env.observationSpace().valuesEqual(base, other)) {
                return null;
            }
        }
        return "deterministic reset: seeds " + SEED + ", " + java.util.Arrays.toString(OTHER_SEEDS)
                + " all gave the initial observation " + show(base)
                + "; the env's start state does not depend on the seed";
    }

    // ---- spaces ----

    private static <T> String checkSampler(Space<T> space) throws CheckFailure {
        List<T> first = samples(space);
        List<T> second = samples(space);
        for (int i = 0; i < SAMPLES; i++) {
            if (!space.valuesEqual(first.get(i), second.get(i))) {
                throw new CheckFailure("sample " + i + " after seed(" + SPACE_SEED + ") was " + space.valueToString(first.get(i))
                        + " the first time and " + space.valueToString(second.get(i)) + " the second");
            }
        }
        return null;
    }

    private static <T> List<T> samples(Space<T> space) throws CheckFailure {
        space.seed(SPACE_SEED);
        List<T> out = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            T s = space.sample();
            String why = space.whyNotContained(s);
            if (why != null) {
                throw new CheckFailure("sample() returned " + space.valueToString(s) + ", which is not in " + space + ": " + why);
            }
            out.add(space.copyValue(s));
        }
        return out;
    }

    // ---- step ----

    private A seededAction() {
        env.actionSpace().seed(SEED);
        return env.actionSpace().sample();
    }

    private StepResult<O> stepChecked(A action, String where) throws CheckFailure {
        StepResult<O> r = env.step(action);
        if (r == null) {
            throw new CheckFailure("step returned null" + where + "; expected a StepResult");
        }
        try {
            notes(EnvInspection.inspectObservation(r.observation(), env.observationSpace(), "step"));
            notes(EnvInspection.inspectReward(r.reward()));
        } catch (CheckFailure f) {
            throw new CheckFailure(f.getMessage() + where);
        }
        return r;
    }

    private String checkStep() throws CheckFailure {
        A action = seededAction();
        env.reset(SEED);
        stepChecked(action, " (action " + env.actionSpace().valueToString(action) + " after reset(seed=" + SEED + "))");
        return null;
    }

    private String checkStepDeterminism() throws CheckFailure {
        if (nondeterministic()) {
            return "skipped: the spec says the env is nondeterministic";
        }
        A action = seededAction();
        env.reset(SEED);
        StepResult<O> r0 = env.step(env.actionSpace().copyValue(action));
        O obs0 = env.observationSpace().copyValue(r0.observation());
        env.reset(SEED);
        StepResult<O> r1 = env.step(env.actionSpace().copyValue(action));
        String note = compare(obs0, r1.observation(), "step after reset(seed=" + SEED + ")");
        if (!DataEquivalence.equivalent(r0.reward(), r1.reward(), false)) {
            throw new CheckFailure("the same seed and action gave the rewards " + r0.reward() + " and " + r1.reward());
        }
        if (r0.terminated() != r1.terminated()) {
            throw new CheckFailure("the same seed and action gave terminated " + r0.terminated() + " and " + r1.terminated());
        }
        if (r0.truncated() || r1.truncated()) {
            throw new CheckFailure("the env truncates after 1 step, something has gone very wrong");
        }
        if (!DataEquivalence.equivalent(r0.info(), r1.info(), false)) {
            throw new CheckFailure("the same seed and action gave the infos " + r0.info() + " and " + r1.info());
        }
        return note;
    }

    private String checkRandomSteps() throws CheckFailure {
        env.actionSpace().seed(SEED);
        observationIn(env.reset(SEED), "reset(seed=" + SEED + ")");
        int episode = 0;
        for (int t = 0; t < options.randomSteps(); t++) {
            A action = env.actionSpace().sample();
            StepResult<O> r = stepChecked(action, " at step " + t + " of episode " + episode
                    + " (action " + env.actionSpace().valueToString(action) + ")");
            if (r.done()) {
                episode++;
                observationIn(env.reset(), "reset");
            }
        }
        return episode == 0 ? "" : episode + " episodes ended";
    }

    // ---- render ----

    private void renderChecks() {
        String metadata = "render metadata is consistent with the render mode";
        String frames = "render() returns frames of one size in the env's render mode";
        String declared = "every declared render mode renders";
        if (options.skipRenderCheck()) {
            results.add(CheckResult.skipped(metadata, "render checks skipped by the options"));
            results.add(CheckResult.skipped(frames, "render checks skipped by the options"));
            results.add(CheckResult.skipped(declared, "render checks skipped by the options"));
            return;
        }
        check(metadata, () -> notes(EnvInspection.inspectRenderSetup(env.metadata(), env.renderMode())));
        if (env.renderMode() == null) {
            results.add(CheckResult.skipped(frames, "the env has no render mode"));
        } else {
            check(frames, this::checkFrames);
        }
        if (env.spec() == null) {
            results.add(CheckResult.skipped(declared, "the env has no spec to make it in other render modes"));
        } else {
            check(declared, this::checkDeclaredModes);
        }
    }

    private String checkFrames() throws CheckFailure {
        String mode = env.renderMode();
        env.reset(SEED);
        Optional<Frame> first = env.render();
        String note = notes(EnvInspection.inspectRenderResult(mode, first));
        env.step(seededAction());
        Optional<Frame> second = env.render();
        note = join(note, notes(EnvInspection.inspectRenderResult(mode, second)));
        if (first.isPresent() && second.isPresent()) {
            Frame a = first.get();
            Frame b = second.get();
            if (a.width() != b.width() || a.height() != b.height()) {
                throw new CheckFailure("the frame after reset is " + a.width() + "x" + a.height()
                        + " but the frame after a step is " + b.width() + "x" + b.height());
            }
        }
        return note;
    }

    private String checkDeclaredModes() throws CheckFailure {
        Object modes = env.metadata().get("render_modes");
        if (!(modes instanceof List<?> list)) {
            return "no render_modes declared";
        }
        List<String> notes = new ArrayList<>();
        for (Object m : list) {
            String mode = String.valueOf(m);
            if ("human".equals(mode)) {
                notes.add("'human' not rendered: it would open a window");
                continue;
            }
            notes.add(renderFreshEnv(mode));
        }
        return join(notes.toArray(new String[0]));
    }

    private String renderFreshEnv(String mode) throws CheckFailure {
        EnvSpec spec = env.spec();
        Map<String, Object> kwargs = new LinkedHashMap<>(spec.kwargs());
        kwargs.put("render_mode", mode);
        Env<?, ?> fresh = spec.creator().create(kwargs);
        try {
            fresh.reset(SEED);
            String note = notes(EnvInspection.inspectRenderSetup(fresh.metadata(), fresh.renderMode()));
            try {
                return join(note, notes(EnvInspection.inspectRenderResult(mode, fresh.render())));
            } catch (CheckFailure f) {
                throw new CheckFailure("render mode '" + mode + "': " + f.getMessage());
            }
        } finally {
            closeQuietly(fresh);
        }
    }

    // ---- close ----

    private void closeCheck() {
        String name = "close() twice is fine and a closed env refuses reset and step";
        if (options.skipCloseCheck()) {
            results.add(CheckResult.skipped(name, "close check skipped by the options"));
        } else if (factory != null) {
            check(name, () -> CloseCheck.run(factory.get(), true));
        } else if (env.spec() != null) {
            check(name, () -> CloseCheck.run(env.spec().creator().create(new LinkedHashMap<>(env.spec().kwargs())), true));
        } else if (options.closeEnv()) {
            check(name, () -> CloseCheck.run(env, false));
        } else {
            results.add(CheckResult.skipped(name, "no factory or spec to make a fresh env, and Options.closeEnv is off"));
        }
    }
}
