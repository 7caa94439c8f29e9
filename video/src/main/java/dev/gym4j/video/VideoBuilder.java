package dev.gym4j.video;

import dev.gym4j.api.InvalidArgumentException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.LongPredicate;

/**
 * The options that {@link RecordVideo.Builder} and {@link RecordVideoVector.Builder} share, named as
 * Gymnasium's {@code RecordVideo} arguments. For a vector env, episodes, frames and the frame rate are
 * those of sub-env 0 and step indices count vector steps.
 *
 * <p>Not thread-safe; build on one thread. Only the two builders of this package extend it.
 *
 * @param <B> the concrete builder, which every setter returns
 */
public abstract class VideoBuilder<B extends VideoBuilder<B>> {
    final Path videoFolder;
    final VideoOptions options = new VideoOptions();

    VideoBuilder(Path videoFolder) {
        this.videoFolder = Objects.requireNonNull(videoFolder, "videoFolder");
    }

    /** @return this builder as its concrete type */
    abstract B self();

    /**
     * @param trigger given an episode index from 0, whether to record that episode; null for none. When neither
     *     trigger is set, {@link VideoSchedules#cappedCubic} is used
     * @return this builder
     */
    public B episodeTrigger(LongPredicate trigger) {
        options.episodeTrigger = trigger;
        return self();
    }

    /**
     * @param trigger given a step index from 0 (counted over all episodes), whether to start recording there;
     *     null for none
     * @return this builder
     */
    public B stepTrigger(LongPredicate trigger) {
        options.stepTrigger = trigger;
        return self();
    }

    /**
     * @param frames the frames per video; 0 (the default) records whole episodes
     * @return this builder
     * @throws InvalidArgumentException if {@code frames} is negative
     */
    public B videoLength(long frames) {
        options.videoLength(frames);
        return self();
    }

    /**
     * @param prefix the start of every file name; {@value RecordVideo#DEFAULT_NAME_PREFIX} unless set
     * @return this builder
     * @throws InvalidArgumentException if the prefix is empty or contains a path separator
     */
    public B namePrefix(String prefix) {
        options.namePrefix(prefix);
        return self();
    }

    /**
     * @param framesPerSecond the videos' frame rate, overriding the env's {@code render_fps}
     * @return this builder
     * @throws InvalidArgumentException if not above 0 and at most 1000
     */
    public B fps(double framesPerSecond) {
        options.fps(framesPerSecond);
        return self();
    }

    /**
     * @param videoBackend the encoder; {@link VideoBackend#JCODEC} unless set
     * @return this builder
     */
    public B backend(VideoBackend videoBackend) {
        options.backend(videoBackend);
        return self();
    }

    /**
     * @param executable the ffmpeg for {@link VideoBackend#FFMPEG} and {@link VideoBackend#AUTO}; null for the
     *     {@code PATH}'s
     * @return this builder
     */
    public B ffmpegExecutable(Path executable) {
        options.ffmpegExecutable = executable;
        return self();
    }

    /**
     * @param frames frames that may wait for the encoder; 0 (the default) lets {@link Mp4Writer} choose
     * @return this builder
     */
    public B queueCapacity(int frames) {
        options.queueCapacity(frames);
        return self();
    }
}
