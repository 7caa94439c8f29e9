package dev.gym4j.video;

import dev.gym4j.api.Env;
import dev.gym4j.api.InvalidArgumentException;
import dev.gym4j.api.vector.AutoresetMode;
import dev.gym4j.api.vector.SyncVectorEnv;
import dev.gym4j.api.vector.ThreadedVectorEnv;
import dev.gym4j.api.vector.VectorBatch;
import dev.gym4j.api.vector.VectorEnv;
import dev.gym4j.api.vector.VectorWrapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongPredicate;

/**
 * Records sub-env 0 of a vector env to MP4 files: the vector form of {@link RecordVideo}, as Gymnasium 1.x's
 * vector {@code RecordVideo}, which records the first of the frames the vector env renders.
 *
 * <p>The options, the defaults and the file names are {@link RecordVideo}'s, with two counters:
 * <ul>
 *   <li>episodes are sub-env 0's, counted from 0 over the wrapper's life; the episode trigger is asked about each
 *       as it starts, and {@code videoLength == 0} records whole episodes of sub-env 0;</li>
 *   <li>steps are vector steps: every {@code step} call counts one, whatever the number of sub-envs.</li>
 * </ul>
 * A recording captures sub-env 0's frame after the {@code reset} or {@code step} that started it and after every
 * later call that moves sub-env 0 (a {@code reset} whose {@code reset_mask} leaves sub-env 0 alone captures no
 * frame), and ends as a {@link RecordVideo} recording does.
 *
 * <p><b>Episode boundaries</b> follow the vector env's {@link AutoresetMode}:
 * <ul>
 *   <li>{@link AutoresetMode#NEXT_STEP}: the step after the one where sub-env 0 terminated or was truncated resets
 *       it and starts its next episode, so an episode of {@code L} steps has {@code L + 1} frames, as with
 *       {@link RecordVideo}: the reset frame, then one per step including the last;</li>
 *   <li>{@link AutoresetMode#SAME_STEP}: the step where sub-env 0's episode ends has already reset it, so that step
 *       starts the next episode and its frame is the next episode's first; the ended episode's final state is
 *       only in the info ({@code final_obs}) and cannot be rendered, so an episode of {@code L} steps has
 *       {@code L} frames;</li>
 *   <li>{@link AutoresetMode#DISABLED}: a {@code reset} that resets sub-env 0 (no {@code reset_mask}, or one true
 *       for sub-env 0) starts its next episode; steps taken on a finished sub-env 0 before that are recorded as
 *       part of its episode.</li>
 * </ul>
 * Every {@code reset} that resets sub-env 0 starts an episode, in every mode.
 *
 * <p><b>Frames</b> come from sub-env 0's own {@code render()}, called on the caller's thread after
 * {@code reset} or {@code step} returns. The wrapper finds sub-env 0 through {@link VectorWrapper#env()} down to
 * a {@link SyncVectorEnv} or {@link ThreadedVectorEnv} ({@code subEnv(0)}); give it with
 * {@link Builder#subEnv0} for other vector envs. Sub-env 0 must have been made with
 * {@code render_mode "rgb_array"}; the other sub-envs need not render. The video's fps is sub-env 0's
 * {@code render_fps} unless set. Only the synchronous {@code reset} / {@code step} are recorded: do not use a
 * wrapped {@link ThreadedVectorEnv}'s {@code send} / {@code recv} directly.
 *
 * <p>Allocates nothing per step beyond what rendering and encoding a recorded frame take. Thread safety: not
 * thread-safe, like the vector env it wraps.
 *
 * @param <O> the batched observation type
 * @param <A> the batched action type
 */
public final class RecordVideoVector<O, A> extends VectorWrapper<O, A> {

    private final Env<?, ?> subEnv0;
    private final LongPredicate episodeTrigger;
    private final LongPredicate stepTrigger;
    private final String namePrefix;
    private final Recorder recorder;
    private long episodeId = -1;
    private long stepId = -1;
    /** Whether sub-env 0 terminated or was truncated on the last step (used under {@code NEXT_STEP}). */
    private boolean subEnv0Done;

    /**
     * Records sub-env 0's episodes of the capped cubic schedule, whole, with the defaults.
     *
     * @param env a {@link SyncVectorEnv} or {@link ThreadedVectorEnv}, possibly wrapped, whose sub-env 0 was made
     *     with {@code render_mode "rgb_array"}
     * @param videoFolder where the MP4 files go; created if missing
     * @throws InvalidArgumentException if sub-env 0 cannot be found or its render mode is not {@code "rgb_array"}
     * @throws VideoWriteException if the folder cannot be created
     */
    public RecordVideoVector(VectorEnv<O, A> env, Path videoFolder) {
        this(builder(env, videoFolder));
    }

    private RecordVideoVector(Builder<O, A> builder) {
        super(builder.env);
        VideoOptions options = builder.options;
        this.subEnv0 = builder.subEnv0 != null ? builder.subEnv0 : findSubEnv0(env);
        VideoOptions.requireRgbArray("RecordVideoVector", "sub-env 0 (" + subEnv0 + ") of " + env, subEnv0.renderMode());
        this.episodeTrigger = options.effectiveEpisodeTrigger();
        this.stepTrigger = options.stepTrigger;
        this.namePrefix = options.namePrefix;
        this.recorder = new Recorder(builder.videoFolder, options, options.effectiveFps(subEnv0.metadata()));
    }

    /**
     * @param env a {@link SyncVectorEnv} or {@link ThreadedVectorEnv}, possibly wrapped, or any vector env when
     *     sub-env 0 is given with {@link Builder#subEnv0}
     * @param videoFolder where the MP4 files go; created if missing
     * @param <O> the batched observation type
     * @param <A> the batched action type
     * @return a builder with Gymnasium's defaults
     */
    public static <O, A> Builder<O, A> builder(VectorEnv<O, A> env, Path videoFolder) {
        return new Builder<>(env, videoFolder);
    }

    private static Env<?, ?> findSubEnv0(VectorEnv<?, ?> env) {
        VectorEnv<?, ?> inner = env;
        while (inner instanceof VectorWrapper<?, ?> wrapper) {
            inner = wrapper.env();
        }
        if (inner instanceof SyncVectorEnv<?, ?> sync) {
            return sync.subEnv(0);
        }
        if (inner instanceof ThreadedVectorEnv<?, ?> threaded) {
            return threaded.subEnv(0);
        }
        throw new InvalidArgumentException("RecordVideoVector cannot reach sub-env 0 of " + env + " (innermost: "
                + inner.getClass().getName() + "): give it with RecordVideoVector.builder(env, folder).subEnv0(...)");
    }

    @Override
    public VectorBatch<O> reset(Long seed, Map<String, ?> options) {
        VectorBatch<O> batch;
        try {
            batch = env.reset(seed, options);
        } catch (RuntimeException e) {
            throw recorder.endAfter(e);
        }
        if (options.get(RESET_MASK) instanceof boolean[] mask && !mask[0]) {
            return batch; // sub-env 0 was left alone: no new episode, no new frame
        }
        subEnv0Done = false;
        startEpisode();
        if (isRecording()) {
            recorder.capture(subEnv0.render(), subEnv0);
        }
        return batch;
    }

    @Override
    public VectorBatch<O> step(A actions) {
        VectorBatch<O> batch;
        try {
            batch = env.step(actions);
        } catch (RuntimeException e) {
            throw recorder.endAfter(e);
        }
        stepId++;
        boolean done = batch.terminations()[0] || batch.truncations()[0];
        boolean episodeStarts = switch (autoresetMode()) {
            case NEXT_STEP -> subEnv0Done;
            case SAME_STEP -> done;
            case DISABLED -> false;
        };
        subEnv0Done = done;
        if (episodeStarts) {
            startEpisode();
        }
        if (stepTrigger != null && stepTrigger.test(stepId)) {
            startRecording(namePrefix + "-step-" + stepId);
        }
        if (isRecording()) {
            recorder.capture(subEnv0.render(), subEnv0);
        }
        return batch;
    }

    private void startEpisode() {
        episodeId++;
        if (isRecording() && recorder.wholeEpisodes()) {
            stopRecording();
        }
        if (episodeTrigger != null && episodeTrigger.test(episodeId)) {
            startRecording(namePrefix + "-episode-" + episodeId);
        }
    }

    /**
     * Closes the wrapped vector env, then completes the recording in progress, if any.
     *
     * @throws VideoWriteException if the last video cannot be completed
     */
    @Override
    public void close() {
        try {
            env.close();
        } catch (RuntimeException e) {
            throw recorder.endAfter(e);
        }
        if (isRecording()) {
            stopRecording();
        }
    }

    /**
     * Starts recording into {@code {videoName}.mp4}, first completing the recording in progress, if any.
     *
     * @param videoName the file name without {@code .mp4}
     * @throws VideoWriteException if the recording in progress cannot be completed
     */
    public void startRecording(String videoName) {
        recorder.start(videoName);
    }

    /**
     * Completes the recording in progress: waits until its file is written. A recording without frames writes no file.
     *
     * @throws IllegalStateException if nothing is being recorded
     * @throws VideoWriteException if the file cannot be completed
     */
    public void stopRecording() {
        recorder.stop();
    }

    /** @return whether a recording is in progress */
    public boolean isRecording() {
        return recorder.isRecording();
    }

    /** @return the index of sub-env 0's current episode, -1 before the first {@code reset} */
    public long episodeId() {
        return episodeId;
    }

    /** @return the index of the last vector step, -1 before the first {@code step} */
    public long stepId() {
        return stepId;
    }

    /** @return the sub-env whose frames are recorded */
    public Env<?, ?> subEnv0() {
        return subEnv0;
    }

    /** @return the folder the videos go to, absolute */
    public Path videoFolder() {
        return recorder.videoFolder();
    }

    /** @return the frame rate of the videos */
    public double fps() {
        return recorder.fps();
    }

    /** @return the files completed so far, oldest first */
    public List<Path> videos() {
        return recorder.videos();
    }

    /**
     * Options of a {@link RecordVideoVector}: {@link RecordVideo.Builder}'s, plus {@link #subEnv0}.
     *
     * <p>Not thread-safe; build on one thread.
     *
     * @param <O> the batched observation type
     * @param <A> the batched action type
     */
    public static final class Builder<O, A> extends VideoBuilder<Builder<O, A>> {
        private final VectorEnv<O, A> env;
        private Env<?, ?> subEnv0;

        private Builder(VectorEnv<O, A> env, Path videoFolder) {
            super(videoFolder);
            this.env = Objects.requireNonNull(env, "env");
        }

        @Override
        Builder<O, A> self() {
            return this;
        }

        /**
         * @param env the vector env's sub-env 0, to render; needed only when the vector env is neither a
         *     {@link SyncVectorEnv} nor a {@link ThreadedVectorEnv} (possibly wrapped); null to find it
         * @return this builder
         */
        public Builder<O, A> subEnv0(Env<?, ?> env) {
            this.subEnv0 = env;
            return this;
        }

        /**
         * @return the wrapper
         * @throws InvalidArgumentException if sub-env 0 cannot be found or its render mode is not {@code "rgb_array"}
         * @throws VideoWriteException if the folder cannot be created, or the ffmpeg backend was asked for and no
         *     ffmpeg executable was found
         */
        public RecordVideoVector<O, A> build() {
            return new RecordVideoVector<>(this);
        }
    }
}
