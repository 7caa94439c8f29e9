package dev.gym4j.api;

import dev.gym4j.Gym;
import dev.gym4j.api.random.Generator;
import dev.gym4j.api.random.SeedSequence;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A base class for envs that does Gymnasium's bookkeeping, so that an env author writes only
 * {@link #doReset}, {@link #doStep} and, if the env renders, {@link #doRender}.
 *
 * <p>It keeps the env's NumPy-compatible generator ({@code reset(seed)} re-creates it from the seed,
 * {@code reset()} continues it, and an env never seeded draws OS entropy the first time it needs it, as
 * Gymnasium's {@code np_random} property does); refuses {@code step} before the first {@code reset}
 * and any use after {@code close} with clear exceptions; checks every action against the action space
 * before {@link #doStep} sees it (type, shape, discrete range, NaN: a finite {@code Box} action outside
 * the bounds is passed through, as Gymnasium does); and validates the render mode.
 *
 * <p>Thread safety: not thread-safe, like every {@link Env}.
 *
 * @param <O> the observation type
 * @param <A> the action type
 */
public abstract class AbstractEnv<O, A> implements Env<O, A> {

    private final String renderMode;
    private Generator npRandom;
    private boolean closed;
    private boolean hasReset;
    private EnvSpec spec;

    /**
     * @param renderMode the render mode, or null for none
     * @param supportedRenderModes the modes this env supports (its {@code metadata()} {@code render_modes})
     * @throws InvalidArgumentException if {@code renderMode} is not null and not supported
     */
    protected AbstractEnv(String renderMode, List<String> supportedRenderModes) {
        if (renderMode != null && !supportedRenderModes.contains(renderMode)) {
            throw new InvalidArgumentException("render_mode '" + renderMode + "' is not supported by "
                    + getClass().getSimpleName() + "; expected null or one of " + supportedRenderModes);
        }
        this.renderMode = renderMode;
    }

    @Override
    public final ResetResult<O> reset(Long seed, Map<String, ?> options) {
        prepareReset(seed);
        ResetResult<O> result = doReset(options == null ? Map.of() : options);
        markReset();
        return result;
    }

    @Override
    public final Map<String, Object> resetInto(Long seed, Map<String, ?> options, Object observations, int offset) {
        prepareReset(seed);
        Map<String, Object> info = doResetInto(options == null ? Map.of() : options, observations, offset);
        markReset();
        return info;
    }

    @Override
    public final StepResult<O> step(A action) {
        prepareStep(action);
        return doStep(action);
    }

    @Override
    public final void stepInto(A action, Object observations, int offset, StepOutcome outcome) {
        prepareStep(action);
        doStepInto(action, observations, offset, outcome);
    }

    /** Checks that the env is open and re-seeds the generator: what both reset paths do first. */
    private void prepareReset(Long seed) {
        ensureOpen();
        if (seed != null) {
            if (seed < 0) {
                throw new InvalidArgumentException("Seed must be a non-negative integer, got " + seed);
            }
            npRandom = Generator.fromSeed(seed);
        }
    }

    /**
     * {@inheritDoc} A seed of {@code 2^63} or more re-creates the generator from it (NumPy's
     * {@code SeedSequence} of the whole integer), then resets without a seed.
     */
    @Override
    public final ResetResult<O> resetWithSeed(BigInteger seed, Map<String, ?> options) {
        if (seed == null || seed.signum() < 0 || seed.bitLength() <= 63) {
            return Env.super.resetWithSeed(seed, options);
        }
        ensureOpen();
        npRandom = Generator.fromSeed(seed);
        return reset((Long) null, options);
    }

    private void markReset() {
        hasReset = true;
    }

    /** Checks that the env is open and was reset, and checks the action: what both step paths do first. */
    private void prepareStep(A action) {
        ensureOpen();
        if (!hasReset) {
            throw new ResetNeededException("Cannot call step() on " + this + " before reset(): call reset() first");
        }
        InvalidActionException.requireValid(actionSpace(), action);
    }

    @Override
    public final Optional<Frame> render() {
        ensureOpen();
        if (renderMode == null) {
            return Optional.empty();
        }
        if (!hasReset) {
            throw new ResetNeededException("Cannot call render() on " + this + " before reset(): call reset() first");
        }
        return doRender();
    }

    @Override
    public final String renderMode() {
        return renderMode;
    }

    @Override
    public final void close() {
        if (!closed) {
            closed = true;
            onClose();
        }
    }

    /** @return whether {@link #close()} was called */
    public final boolean isClosed() {
        return closed;
    }

    @Override
    public EnvSpec spec() {
        return spec;
    }

    /**
     * Records the spec the env was made from; {@code Gym.make} calls this.
     *
     * @param spec the spec
     */
    public final void setSpec(EnvSpec spec) {
        this.spec = spec;
    }

    /**
     * @return the env's generator, created from OS entropy on first use if the env was never seeded
     */
    protected final Generator npRandom() {
        if (npRandom == null) {
            npRandom = new Generator(new dev.gym4j.api.random.PCG64(SeedSequence.fromOsEntropy()));
        }
        return npRandom;
    }

    /**
     * Starts an episode. The generator has already been re-seeded if a seed was given.
     *
     * @param options reset options, never null
     * @return the first observation and info
     */
    protected abstract ResetResult<O> doReset(Map<String, ?> options);

    /**
     * Advances one step. The action has been checked against the action space.
     *
     * @param action a structurally valid action
     * @return the step's result
     */
    protected abstract StepResult<O> doStep(A action);

    /**
     * The allocation-free form of {@link #doReset}, for {@link #resetInto}: starts an episode and writes the
     * first observation into the batch array. The default calls {@link #doReset} and copies; an env on the
     * hot path overrides it with the same state changes as {@code doReset}.
     *
     * @param options reset options, never null
     * @param observations the batch array (see {@link Env#resetInto})
     * @param offset the index of the observation's first element
     * @return the reset info
     */
    protected Map<String, Object> doResetInto(Map<String, ?> options, Object observations, int offset) {
        ResetResult<O> r = doReset(options);
        StepOutcome.writeObservation(r.observation(), observations, offset);
        return r.info();
    }

    /**
     * The allocation-free form of {@link #doStep}, for {@link #stepInto}. The default calls {@link #doStep}
     * and copies; an env on the hot path overrides it with the same state changes as {@code doStep}.
     *
     * @param action a structurally valid action
     * @param observations the batch array (see {@link Env#resetInto})
     * @param offset the index of the observation's first element
     * @param outcome receives the reward, the flags and the info
     */
    protected void doStepInto(A action, Object observations, int offset, StepOutcome outcome) {
        outcome.setFrom(doStep(action), observations, offset);
    }

    /** @return the frame for the current render mode; called only after a reset and with a render mode */
    protected Optional<Frame> doRender() {
        return Optional.empty();
    }

    /** Releases resources; called once, by the first {@link #close()}. */
    protected void onClose() {
    }

    private void ensureOpen() {
        if (closed) {
            throw new EnvClosedException(getClass().getSimpleName() + " is closed: make a new env instead of using a closed one");
        }
    }

    /** @return Gymnasium's form: {@code <ClassName<id>>} when made from a spec, else {@code <ClassName instance>} */
    @Override
    public String toString() {
        return spec == null ? "<" + getClass().getSimpleName() + " instance>" : "<" + getClass().getSimpleName() + "<" + spec.id() + ">>";
    }
}
