package dev.gym4j.video;

import dev.gym4j.api.Env;
import dev.gym4j.api.InvalidArgumentException;
import dev.gym4j.api.ResetResult;
import dev.gym4j.api.StepResult;
import dev.gym4j.api.wrappers.Wrapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongPredicate;

/**
 * Records episodes (or stretches of steps) of an env to MP4 files, as Gymnasium 1.x's
 * {@code gymnasium.wrappers.RecordVideo}.
 *
 * <p>Episodes and steps are counted from 0 over the wrapper's life. After each {@code reset} the episode trigger
 * is asked whether to record that episode, after each {@code step} the step trigger whether to start recording at
 * that step; without either trigger, episodes are recorded on {@link VideoSchedules#cappedCubic} (0, 1, 8, 27,
 * ..., 729, 1000, 2000, ...). A recording captures the frame {@code render()} returns after the {@code reset} or
 * {@code step} that started it and after every later one, and ends when:
 * <ul>
 *   <li>it has {@code videoLength} frames, when {@code videoLength > 0} (a recording may then span episodes);</li>
 *   <li>the next episode starts, when {@code videoLength == 0} (whole episodes);</li>
 *   <li>a trigger starts a new recording, or the wrapper is closed;</li>
 *   <li>the wrapped env throws from {@code reset} or {@code step}: the frames so far are written as a complete,
 *       valid file and the exception is rethrown.</li>
 * </ul>
 * Files are named {@code {namePrefix}-episode-{n}.mp4} or {@code {namePrefix}-step-{n}.mp4} in the video folder
 * (created if missing; existing files of the same name are replaced), at the env's {@code render_fps} unless an fps
 * is given (30 if the env has none). A recording without frames writes no file.
 *
 * <p>One difference from Gymnasium: Gymnasium stops a recording once it holds <em>more</em> than
 * {@code video_length} frames, so its files have {@code video_length + 1} frames; here a file has exactly
 * {@code videoLength} frames, as the parameter's documentation promises.
 *
 * <p>Encoding runs on the {@link Mp4Writer}'s background thread: a step pays for rendering and copying the frame,
 * and waits for the encoder only when its queue is full; ending a recording waits until the file is complete.
 * Errors while writing are thrown as {@link VideoWriteException}.
 *
 * <p>Thread safety: not thread-safe, like the env it wraps.
 *
 * @param <O> the observation type
 * @param <A> the action type
 */
public final class RecordVideo<O, A> extends Wrapper<O, A, O, A> {

    /** The default {@code name_prefix}. */
    public static final String DEFAULT_NAME_PREFIX = "rl-video";

    private final LongPredicate episodeTrigger;
    private final LongPredicate stepTrigger;
    private final String namePrefix;
    private final Recorder recorder;
    private long episodeId = -1;
    private long stepId = -1;

    /**
     * Records the episodes of the capped cubic schedule, whole, with the defaults.
     *
     * @param env an env made with {@code render_mode "rgb_array"}
     * @param videoFolder where the MP4 files go; created if missing
     * @throws InvalidArgumentException if the env's render mode is not {@code "rgb_array"}
     * @throws VideoWriteException if the folder cannot be created
     */
    public RecordVideo(Env<O, A> env, Path videoFolder) {
        this(builder(env, videoFolder));
    }

    private RecordVideo(Builder<O, A> builder) {
        super(builder.env);
        VideoOptions options = builder.options;
        VideoOptions.requireRgbArray("RecordVideo", env, env.renderMode());
        this.episodeTrigger = options.effectiveEpisodeTrigger();
        this.stepTrigger = options.stepTrigger;
        this.namePrefix = options.namePrefix;
        this.recorder = new Recorder(builder.videoFolder, options, options.effectiveFps(env.metadata()));
    }

    /**
     * @param env an env made with {@code render_mode "rgb_array"}
     * @param videoFolder where the MP4 files go; created if missing
     * @param <O> the observation type
     * @param <A> the action type
     * @return a builder with Gymnasium's defaults
     */
    public static <O, A> Builder<O, A> builder(Env<O, A> env, Path videoFolder) {
        return new Builder<>(env, videoFolder);
    }

    @Override
    public ResetResult<O> reset(Long seed, Map<String, ?> options) {
        ResetResult<O> result;
        try {
            result = resetInner(seed, options);
        } catch (RuntimeException e) {
            throw recorder.endAfter(e);
        }
        episodeId++;
        if (isRecording() && recorder.wholeEpisodes()) {
            stopRecording();
        }
        if (episodeTrigger != null && episodeTrigger.test(episodeId)) {
            startRecording(namePrefix + "-episode-" + episodeId);
        }
        if (isRecording()) {
            recorder.capture(env.render(), env);
        }
        return result;
    }

    @Override
    public StepResult<O> step(A action) {
        StepResult<O> result;
        try {
            result = env.step(action);
        } catch (RuntimeException e) {
            throw recorder.endAfter(e);
        }
        stepId++;
        if (stepTrigger != null && stepTrigger.test(stepId)) {
            startRecording(namePrefix + "-step-" + stepId);
        }
        if (isRecording()) {
            recorder.capture(env.render(), env);
        }
        return result;
    }

    /**
     * Closes the wrapped env, then completes the recording in progress, if any.
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

    /** @return the index of the current episode, -1 before the first {@code reset} */
    public long episodeId() {
        return episodeId;
    }

    /** @return the index of the last step, -1 before the first {@code step} */
    public long stepId() {
        return stepId;
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
     * Options of a {@link RecordVideo}, named as Gymnasium's arguments.
     *
     * <p>Not thread-safe; build on one thread.
     *
     * @param <O> the observation type
     * @param <A> the action type
     */
    public static final class Builder<O, A> extends VideoBuilder<Builder<O, A>> {
        private final Env<O, A> env;

        private Builder(Env<O, A> env, Path videoFolder) {
            super(videoFolder);
            this.env = Objects.requireNonNull(env, "env");
        }

        @Override
        Builder<O, A> self() {
            return this;
        }

        /**
         * @return the wrapper
         * @throws InvalidArgumentException if the env's render mode is not {@code "rgb_array"}
         * @throws VideoWriteException if the folder cannot be created, or the ffmpeg backend was asked for and no
         *     ffmpeg executable was found
         */
        public RecordVideo<O, A> build() {
            return new RecordVideo<>(this);
        }
    }
}
