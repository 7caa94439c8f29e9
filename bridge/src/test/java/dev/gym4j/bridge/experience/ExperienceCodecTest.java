package dev.gym4j.bridge.experience;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gym4j.api.spaces.Box;
import dev.gym4j.api.spaces.DType;
import dev.gym4j.api.spaces.Discrete;
import dev.gym4j.bridge.ExperienceCodec;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ExperienceCodecTest {

    @Test
    void trajectoryRoundTrips() {
        Trajectory t = Fragments.of("exp", "w1", 7, 5);
        Trajectory back = ExperienceCodec.decodeTrajectory(ExperienceCodec.encode(t));
        assertEquals(t.key(), back.key());
        assertEquals("exp", back.experiment());
        assertEquals("CartPole-v1", back.envId());
        assertTrue(Fragments.intact(back, 5));
    }

    @Test
    void wireFormIsTensorsNotLists() throws Exception {
        Trajectory t = Fragments.of("exp", "w1", 3, 10);
        var m = dev.gym4j.bridge.proto.Trajectory.parseFrom(ExperienceCodec.encode(t));
        assertEquals(1, m.getProtocolVersion());
        assertEquals(dev.gym4j.bridge.proto.DType.DTYPE_FLOAT32, m.getObservations().getDtype());
        assertEquals(java.util.List.of(10L, 4L), m.getObservations().getShapeList());
        assertEquals(160, m.getObservations().getData().size());
        assertEquals(dev.gym4j.bridge.proto.DType.DTYPE_BOOL, m.getTerminated().getDtype());
        assertEquals("logprob", m.getExtras(0).getName());
    }

    @Test
    void policyVersionRoundTripsWithSpaces() {
        byte[] model = {8, 7, 1, 2, 3};
        PolicyVersion p = PolicyVersion.onnx("exp", 3, model,
                Box.of(DType.FLOAT32, new double[] {-1, -2}, new double[] {1, 2}, new int[] {2}), new Discrete(2),
                "{\"distribution\":\"categorical\"}");
        PolicyVersion back = ExperienceCodec.decodePolicyVersion(ExperienceCodec.encode(p));
        assertEquals(p, back);
        assertArrayEquals(model, back.model());
        assertEquals(p.observationSpace(), back.observationSpace());
        assertEquals(p.actionSpace(), back.actionSpace());
        assertEquals(p.createdAt(), back.createdAt());
        assertEquals(p.metadataJson(), back.metadataJson());
    }

    @Test
    void corruptBytesAreRefusedWithTheCause() {
        byte[] bytes = ExperienceCodec.encode(Fragments.of("exp", "w1", 1, 3));
        byte[] cut = Arrays.copyOf(bytes, bytes.length / 2);
        ExperienceException e = assertThrows(ExperienceException.class, () -> ExperienceCodec.decodeTrajectory(cut));
        assertTrue(e.getMessage().contains("Trajectory"), e.getMessage());
        ExperienceException g = assertThrows(ExperienceException.class,
                () -> ExperienceCodec.decodeTrajectory(new byte[] {(byte) 0xff, 0x01, 0x02}));
        assertTrue(g.getMessage().startsWith("not a Trajectory message"), g.getMessage());
    }

    @Test
    void anotherProtocolVersionIsRefusedNamingBoth() throws Exception {
        var m = dev.gym4j.bridge.proto.Trajectory.parseFrom(ExperienceCodec.encode(Fragments.of("exp", "w", 0, 2)))
                .toBuilder().setProtocolVersion(2).build();
        ExperienceException e = assertThrows(ExperienceException.class,
                () -> ExperienceCodec.decodeTrajectory(m.toByteArray()));
        assertTrue(e.getMessage().contains("version 2") && e.getMessage().contains("version 1"), e.getMessage());
    }

    @Test
    void tensorSizeMismatchIsRefused() throws Exception {
        var m = dev.gym4j.bridge.proto.Trajectory.parseFrom(ExperienceCodec.encode(Fragments.of("exp", "w", 0, 2)));
        var bad = m.toBuilder().setObservations(m.getObservations().toBuilder().addShape(3)).build();
        ExperienceException e = assertThrows(ExperienceException.class,
                () -> ExperienceCodec.decodeTrajectory(bad.toByteArray()));
        assertTrue(e.getMessage().contains("observations"), e.getMessage());
    }

    @Test
    void policyWithAWrongChecksumIsRefused() throws Exception {
        PolicyVersion p = PolicyVersion.onnx("exp", 1, new byte[] {1, 2, 3}, new Discrete(3), new Discrete(2), "{}");
        var m = dev.gym4j.bridge.proto.PolicyVersion.parseFrom(ExperienceCodec.encode(p)).toBuilder()
                .setModel(com.google.protobuf.ByteString.copyFrom(new byte[] {1, 2, 4})).build();
        ExperienceException e = assertThrows(ExperienceException.class,
                () -> ExperienceCodec.decodePolicyVersion(m.toByteArray()));
        assertTrue(e.getMessage().contains("checksum"), e.getMessage());
    }
}
