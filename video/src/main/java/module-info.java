/**
 * MP4 (H.264) recordings of rollouts: {@link dev.gym4j.video.Mp4Writer} encodes {@link dev.gym4j.api.Frame}s on a
 * background thread with JCodec (pure Java, always available) or an external {@code ffmpeg}, and the
 * {@link dev.gym4j.video.RecordVideo} wrapper records episodes as Gymnasium's {@code RecordVideo} does.
 *
 * <p>JCodec stays behind this module's own types: no JCodec type appears in an exported signature.
 */
module dev.gym4j.video {
    requires transitive dev.gym4j.api;
    requires jcodec;
    requires java.management;

    exports dev.gym4j.video;
}
