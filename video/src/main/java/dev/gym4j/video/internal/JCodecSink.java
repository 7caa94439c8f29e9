package dev.gym4j.video.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.jcodec.codecs.h264.H264Encoder;
import org.jcodec.common.Codec;
import org.jcodec.common.MuxerTrack;
import org.jcodec.common.VideoCodecMeta;
import org.jcodec.common.VideoEncoder.EncodedFrame;
import org.jcodec.common.io.FileChannelWrapper;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Packet;
import org.jcodec.common.model.Packet.FrameType;
import org.jcodec.common.model.Picture;
import org.jcodec.common.model.Rect;
import org.jcodec.common.model.Size;
import org.jcodec.containers.mp4.Brand;
import org.jcodec.containers.mp4.muxer.MP4Muxer;

/**
 * Encodes frames with JCodec's H.264 encoder into an MP4 file.
 *
 * <p>Each frame is converted straight from RGB into the planes of one reused, macroblock-aligned YUV 4:2:0 picture
 * (no intermediate RGB picture or image), whose crop rectangle is the even frame size, so the stream's SPS crops
 * to exactly that. The track's sample entry and header carry the frame's real size as the display size.
 *
 * <p>Not thread-safe: used by the encoding thread only.
 */
final class JCodecSink implements FrameSink {

    private final FileChannel channel;
    private final MP4Muxer muxer;
    private final MuxerTrack track;
    private final H264Encoder encoder;
    private final RgbToYuv420 converter;
    private final Picture picture;
    private final ByteBuffer encoded;
    private final FrameRate rate;
    private long frameNumber;

    JCodecSink(Path file, FrameGeometry geometry, FrameRate rate, JCodecSettings settings) throws IOException {
        this.rate = rate;
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        try {
            this.muxer = MP4Muxer.createMP4Muxer(new FileChannelWrapper(channel), Brand.MP4);
            this.track = muxer.addVideoTrack(Codec.H264, VideoCodecMeta.createSimpleVideoCodecMeta(
                    new Size(geometry.width(), geometry.height()), ColorSpace.YUV420J));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        this.encoder = new H264Encoder(new BoundedQpRateControl(settings.intraQp(), settings.interQp()));
        encoder.setKeyInterval(settings.keyInterval());
        encoder.setMotionSearchRange(settings.motionSearchRange());
        this.converter = new RgbToYuv420(geometry);
        this.picture = Picture.createCropped(geometry.alignedWidth(), geometry.alignedHeight(), ColorSpace.YUV420J,
                new Rect(0, 0, geometry.evenWidth(), geometry.evenHeight()));
        // Twice the luma size: the rate control keeps a picture within one luma size, plus parameter sets and escaping.
        this.encoded = ByteBuffer.allocate(2 * geometry.alignedWidth() * geometry.alignedHeight() + 4096);
    }

    @Override
    public void encode(byte[] rgb) throws IOException {
        converter.convert(rgb, picture.getPlaneData(0), picture.getPlaneData(1), picture.getPlaneData(2));
        encoded.clear();
        EncodedFrame frame = encoder.encodeFrame(picture, encoded);
        // The muxer keeps views of the parameter sets inside the data it is given: hand it a copy of our reused buffer.
        ByteBuffer data = frame.getData();
        ByteBuffer copy = ByteBuffer.allocate(data.remaining());
        copy.put(data).flip();
        long pts = frameNumber * rate.frameDuration();
        track.addFrame(Packet.createPacket(copy, pts, rate.timescale(), rate.frameDuration(), frameNumber,
                frame.isKeyFrame() ? FrameType.KEY : FrameType.INTER, null));
        frameNumber++;
    }

    @Override
    public void finish() throws IOException {
        try {
            muxer.finish();
            channel.force(true);
        } finally {
            channel.close();
        }
    }

    @Override
    public void abort() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Aborting: the file is deleted next, its state does not matter.
        }
    }
}
