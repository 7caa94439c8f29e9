package dev.gym4j.video;

import dev.gym4j.api.Env;
import dev.gym4j.api.Frame;
import dev.gym4j.api.InvalidArgumentException;
import dev.gym4j.api.ResetResult;
import dev.gym4j.api.StepResult;
import dev.gym4j.api.wrappers.Wrapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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

    private static final System.Logger LOG = System.getLogger(RecordVideo.class.getName());

    private final Path videoFolder;
    private final LongPredicate episodeTrigger;
    private final LongPredicate stepTrigger;
    private final long videoLength;
    private final String namePrefix;
    private final double fps;
    private final VideoBackend backend;
    private final Path ffmpegExecutable;
    private final int queueCapacity;
    private final List<Path> videos = new ArrayList<>();
    private long episodeId = -1;
    private long stepId = -1;
    private Mp4Writer writer;

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
        if (!"rgb_array".equals(env.renderMode())) {
            throw new InvalidArgumentException("RecordVideo needs frames, but " + env + " has render_mode "
                    + (env.renderMode() == null ? "null" : "\"" + env.renderMode() + "\"")
                    + ": make the env with render_mode \"rgb_array\", e.g. Gym.make(id, Map.of(\"render_mode\", \"rgb_array\"))");
        }
        boolean noTrigger = builder.episodeTrigger == null && builder.stepTrigger == null;
        this.episodeTrigger = noTrigger ? VideoSchedules.cappedCubic() : builder.episodeTrigger;
        this.stepTrigger = builder.stepTrigger;
        this.videoLength = builder.videoLength == 0 ? Long.MAX_VALUE : builder.videoLength;
        this.namePrefix = builder.namePrefix;
        this.fps = builder.fps != null ? builder.fps : renderFps(env.metadata());
        this.backend = builder.backend;
        this.ffmpegExecutable = builder.ffmpegExecutable;
        this.queueCapacity = builder.queueCapacity;
        this.videoFolder = builder.videoFolder.toAbsolutePath();
        try {
            Files.createDirectories(videoFolder);
        } catch (IOException e) {
            throw new VideoWriteException("Cannot create the video folder " + videoFolder + ": " + e, e);
        }
        // Fail now, not at the first triggered episode, when the backend cannot work: a writer without frames writes nothing.
        newWriter(namePrefix).close();
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
            result = env.reset(seed, options);
        } catch (RuntimeException e) {
            throw endRecordingAfter(e);
        }
        episodeId++;
        if (isRecording() && videoLength == Long.MAX_VALUE) {
            stopRecording();
        }
        if (episodeTrigger != null && episodeTrigger.test(episodeId)) {
            startRecording(namePrefix + "-episode-" + episodeId);
        }
        if (isRecording()) {
            captureFrame();
        }
        return result;
    }

    @Override
    public StepResult<O> step(A action) {
        StepResult<O> result;
        try {
            result = env.step(action);
        } catch (RuntimeException e) {
            throw endRecordingAfter(e);
        }
        stepId++;
        if (stepTrigger != null && stepTrigger.test(stepId)) {
            startRecording(namePrefix + "-step-" + stepId);
        }
        if (isRecording()) {
            captureFrame();
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
            throw endRecordingAfter(e);
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
        if (isRecording()) {
            stopRecording();
        }
        writer = newWriter(videoName);
    }

    private Mp4Writer newWriter(String videoName) {
        return Mp4Writer.builder(videoFolder.resolve(videoName + ".mp4")).fps(fps).backend(backend)
                .ffmpegExecutable(ffmpegExecutable).queueCapacity(queueCapacity).open();
    }

    /**
     * Completes the recording in progress: waits until its file is written. A recording without frames writes no file.
     *
     * @throws IllegalStateException if nothing is being recorded
     * @throws VideoWriteException if the file cannot be completed
     */
    public void stopRecording() {
        if (!isRecording()) {
            throw new IllegalStateException("stopRecording() was called, but no recording was started");
        }
        Mp4Writer finishing = writer;
        writer = null;
        finishing.close();
        if (finishing.framesWritten() == 0) {
            LOG.log(System.Logger.Level.WARNING, "Ignored saving a video as there were zero frames to save.");
        } else {
            videos.add(finishing.file());
        }
    }

    /** @return whether a recording is in progress */
    public boolean isRecording() {
        return writer != null;
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
        return videoFolder;
    }

    /** @return the frame rate of the videos */
    public double fps() {
        return fps;
    }

    /** @return the files completed so far, oldest first */
    public List<Path> videos() {
        return List.copyOf(videos);
    }

    private void captureFrame() {
        Optional<Frame> frame = env.render();
        if (frame.isEmpty()) {
            stopRecording();
            LOG.log(System.Logger.Level.WARNING, "Recording stopped: " + env + ".render() returned no frame.");
            return;
        }
        try {
            writer.write(frame.get());
        } catch (VideoWriteException e) {
            writer = null; // it closed itself and deleted its partial file
            throw e;
        } catch (RuntimeException e) {
            throw endRecordingAfter(e);
        }
        if (writer.framesWritten() >= videoLength) {
            stopRecording();
        }
    }

    /** Completes the recording in progress (if any) after {@code failure}, keeping any new error as suppressed. */
    private RuntimeException endRecordingAfter(RuntimeException failure) {
        if (isRecording()) {
            try {
                stopRecording();
            } catch (RuntimeException e) {
                failure.addSuppressed(e);
            }
        }
        return failure;
    }

    private static double renderFps(Map<String, Object> metadata) {
        Object fps = metadata == null ? null : metadata.get("render_fps");
        return fps instanceof Number n && n.doubleValue() > 0 ? n.doubleValue() : Mp4Writer.DEFAULT_FPS;
    }

    /**
     * Options of a {@link RecordVideo}, named as Gymnasium's arguments.
     *
     * <p>Not thread-safe; build on one thread.
     *
     * @param <O> the observation type
     * @param <A> the action type
     */
    public static final class Builder<O, A> {
        private final Env<O, A> env;
        private final Path videoFolder;
        private LongPredicate episodeTrigger;
        private LongPredicate stepTrigger;
        private long videoLength;
        private String namePrefix = DEFAULT_NAME_PREFIX;
        private Double fps;
        private VideoBackend backend = VideoBackend.JCODEC;
        private Path ffmpegExecutable;
        private int queueCapacity;

        private Builder(Env<O, A> env, Path videoFolder) {
            this.env = Objects.requireNonNull(env, "env");
            this.videoFolder = Objects.requireNonNull(videoFolder, "videoFolder");
        }

        /**
         * @param trigger given an episode index from 0, whether to record that episode; null for none. When neither
         *     trigger is set, {@link VideoSchedules#cappedCubic} is used
         * @return this builder
         */
        public Builder<O, A> episodeTrigger(LongPredicate trigger) {
            this.episodeTrigger = trigger;
            return this;
        }

        /**
         * @param trigger given a step index from 0 (counted over all episodes), whether to start recording there;
         *     null for none
         * @return this builder
         */
        public Builder<O, A> stepTrigger(LongPredicate trigger) {
            this.stepTrigger = trigger;
            return this;
        }

        /**
         * @param frames the frames per video; 0 (the default) records whole episodes
         * @return this builder
         * @throws InvalidArgumentException if {@code frames} is negative
         */
        public Builder<O, A> videoLength(long frames) {
            if (frames < 0) {
                throw new InvalidArgumentException("video_length must be 0 (whole episodes) or positive, got " + frames);
            }
            this.videoLength = frames;
            return this;
        }

        /**
         * @param prefix the start of every file name; {@value RecordVideo#DEFAULT_NAME_PREFIX} unless set
         * @return this builder
         * @throws InvalidArgumentException if the prefix is empty or contains a path separator
         */
        public Builder<O, A> namePrefix(String prefix) {
            if (prefix == null || prefix.isEmpty() || prefix.contains("/") || prefix.contains("\\")) {
                throw new InvalidArgumentException("name_prefix must be a non-empty file name prefix, got " + prefix);
            }
            this.namePrefix = prefix;
            return this;
        }

        /**
         * @param framesPerSecond the videos' frame rate, overriding the env's {@code render_fps}
         * @return this builder
         * @throws InvalidArgumentException if not above 0 and at most 1000
         */
        public Builder<O, A> fps(double framesPerSecond) {
            if (!(framesPerSecond > 0 && framesPerSecond <= 1000)) {
                throw new InvalidArgumentException("fps must be above 0 and at most 1000, got " + framesPerSecond);
            }
            this.fps = framesPerSecond;
            return this;
        }

        /**
         * @param videoBackend the encoder; {@link VideoBackend#JCODEC} unless set
         * @return this builder
         */
        public Builder<O, A> backend(VideoBackend videoBackend) {
            this.backend = Objects.requireNonNull(videoBackend, "backend");
            return this;
        }

        /**
         * @param executable the ffmpeg for {@link VideoBackend#FFMPEG} and {@link VideoBackend#AUTO}; null for the
         *     {@code PATH}'s
         * @return this builder
         */
        public Builder<O, A> ffmpegExecutable(Path executable) {
            this.ffmpegExecutable = executable;
            return this;
        }

        /**
         * @param frames frames that may wait for the encoder; 0 (the default) lets {@link Mp4Writer} choose
         * @return this builder
         */
        public Builder<O, A> queueCapacity(int frames) {
            if (frames < 0) {
                throw new InvalidArgumentException("queueCapacity must be at least 0, got " + frames);
            }
            this.queueCapacity = frames;
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
