package dev.gym4j.video;

import dev.gym4j.Gym;
import dev.gym4j.api.InvalidArgumentException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongPredicate;

/**
 * The options {@link RecordVideo.Builder} and {@link RecordVideoVector.Builder} share, validated as they are set.
 *
 * <p>Not thread-safe; used by one builder on one thread.
 */
final class VideoOptions {

    LongPredicate episodeTrigger;
    LongPredicate stepTrigger;
    long videoLength;
    String namePrefix = RecordVideo.DEFAULT_NAME_PREFIX;
    Double fps;
    VideoBackend backend = VideoBackend.JCODEC;
    Path ffmpegExecutable;
    int queueCapacity;

    void videoLength(long frames) {
        if (frames < 0) {
            throw new InvalidArgumentException("video_length must be 0 (whole episodes) or positive, got " + frames);
        }
        this.videoLength = frames;
    }

    void namePrefix(String prefix) {
        if (prefix == null || prefix.isEmpty() || prefix.contains("/") || prefix.contains("\\")) {
            throw new InvalidArgumentException("name_prefix must be a non-empty file name prefix, got " + prefix);
        }
        this.namePrefix = prefix;
    }

    void fps(double framesPerSecond) {
        if (!(framesPerSecond > 0 && framesPerSecond <= 1000)) {
            throw new InvalidArgumentException("fps must be above 0 and at most 1000, got " + framesPerSecond);
        }
        this.fps = framesPerSecond;
    }

    void backend(VideoBackend videoBackend) {
        this.backend = Objects.requireNonNull(videoBackend, "backend");
    }

    void queueCapacity(int frames) {
        if (frames < 0) {
            throw new InvalidArgumentException("queueCapacity must be at least 0, got " + frames);
        }
        this.queueCapacity = frames;
    }

    /** @return the episode trigger to use: the capped cubic schedule when neither trigger was set */
    LongPredicate effectiveEpisodeTrigger() {
        return episodeTrigger == null && stepTrigger == null ? VideoSchedules.cappedCubic() : episodeTrigger;
    }

    /** @return the fps set, else the env's {@code render_fps}, else {@link Mp4Writer#DEFAULT_FPS} */
    double effectiveFps(Map<String, Object> metadata) {
        if (fps != null) {
            return fps;
        }
        Object renderFps = metadata == null ? null : metadata.get("render_fps");
        return renderFps instanceof Number n && n.doubleValue() > 0 ? n.doubleValue() : Mp4Writer.DEFAULT_FPS;
    }

    /**
     * @param wrapper the wrapper's name, for the message
     * @param env the env that renders, for the message
     * @param renderMode its render mode
     * @throws InvalidArgumentException unless {@code renderMode} is {@code "rgb_array"}
     */
    static void requireRgbArray(String wrapper, Object env, String renderMode) {
        if (!"rgb_array".equals(renderMode)) {
            throw new InvalidArgumentException(wrapper + " needs frames, but " + env + " has render_mode "
                    + (renderMode == null ? "null" : "\"" + renderMode + "\"")
                    + ": make the env with render_mode \"rgb_array\", e.g. Gym.make(id, Map.of(\"render_mode\", \"rgb_array\"))");
        }
    }
}
