package dev.gym4j.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.gym4j.bridge.proto.DType;
import dev.gym4j.bridge.proto.ErrorCode;
import dev.gym4j.bridge.proto.Hello;
import dev.gym4j.bridge.proto.Request;
import dev.gym4j.bridge.proto.Reset;
import dev.gym4j.bridge.proto.Response;
import dev.gym4j.bridge.proto.Step;
import dev.gym4j.bridge.proto.Tensor;
import dev.gym4j.bridge.proto.Value;
import dev.gym4j.bridge.proto.ValueEntry;
import dev.gym4j.bridge.proto.ValueMap;
import dev.gym4j.bridge.proto.VectorReset;
import dev.gym4j.bridge.proto.VectorStep;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/** Issue 17's smaller server faults, each answered with the right code and a readable message. */
class ServerFaultsTest {

    private static Response call(ZMQ.Socket s, Request.Builder r) throws Exception {
        s.send(r.build().toByteArray(), 0);
        byte[] reply = s.recv(0);
        assertNotNull(reply, "a reply to " + r.getBodyCase());
        return Response.parseFrom(reply);
    }

    private static Request.Builder hello(int numEnvs) {
        return Request.newBuilder().setId(1).setHello(Hello.newBuilder().setProtocolVersion(1).setNumEnvs(numEnvs));
    }

    private static Value longs(long... v) {
        ByteBuffer b = ByteBuffer.allocate(8 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (long x : v) {
            b.putLong(x);
        }
        return Value.newBuilder().setTensor(Tensor.newBuilder().setDtype(DType.DTYPE_INT64).addShape(v.length)
                .setData(ByteString.copyFrom(b.array()))).build();
    }

    private static ZMQ.Socket dealer(ZContext ctx, EnvServer server) {
        ZMQ.Socket s = ctx.createSocket(SocketType.DEALER);
        s.setReceiveTimeOut(5000);
        s.connect(server.endpoint());
        return s;
    }

    @Test
    void faultsGetTheRightCodeAndAReadableMessage() throws Exception {
        try (EnvServer server = EnvServer.start(ServerOptions.defaults("CartPole-v1")); ZContext ctx = new ZContext(1)) {
            ZMQ.Socket s = dealer(ctx, server);
            Request.Builder version = hello(0);
            version.getHelloBuilder().setProtocolVersion(-1);
            Response v = call(s, version);
            assertEquals(ErrorCode.ERROR_CODE_UNSUPPORTED_VERSION, v.getError().getCode());
            assertTrue(v.getError().getMessage().contains("4294967295"), v.getError().getMessage());

            // A vector env: an out-of-range action is INVALID_ACTION, a bad reset mask prints readably.
            assertTrue(call(s, hello(2)).hasHello());
            assertTrue(call(s, Request.newBuilder().setId(2).setVectorReset(VectorReset.newBuilder())).hasVectorReset());
            Response bad = call(s, Request.newBuilder().setId(3).setVectorStep(VectorStep.newBuilder().setActions(longs(0, 7))));
            assertEquals(ErrorCode.ERROR_CODE_INVALID_ACTION, bad.getError().getCode(), bad.getError().getMessage());
            ByteBuffer d = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putDouble(1).putDouble(0);
            Value doubles = Value.newBuilder().setTensor(Tensor.newBuilder().setDtype(DType.DTYPE_FLOAT64).addShape(2)
                    .setData(ByteString.copyFrom(d.array()))).build();
            Response mask = call(s, Request.newBuilder().setId(4).setVectorReset(VectorReset.newBuilder().setOptions(ValueMap.newBuilder()
                    .addEntries(ValueEntry.newBuilder().setKey("reset_mask").setValue(doubles)))));
            assertEquals(ErrorCode.ERROR_CODE_INVALID_ARGUMENT, mask.getError().getCode(), mask.getError().getMessage());
            assertFalse(mask.getError().getMessage().contains("[D@"), mask.getError().getMessage());
            assertTrue(mask.getError().getMessage().contains("[1.0, 0.0]"), mask.getError().getMessage());

            // A single env: a tensor whose shape product wraps in 64 bits, and a Box action of the wrong shape.
            assertTrue(call(s, hello(0)).hasHello());
            assertTrue(call(s, Request.newBuilder().setId(5).setReset(Reset.newBuilder())).hasReset());
            Value wrap = Value.newBuilder().setTensor(Tensor.newBuilder().setDtype(DType.DTYPE_INT64).addShape(4).addShape(1L << 62)).build();
            Response w = call(s, Request.newBuilder().setId(6).setStep(Step.newBuilder().setAction(wrap)));
            assertEquals(ErrorCode.ERROR_CODE_BAD_MESSAGE, w.getError().getCode(), w.getError().getMessage());
            assertTrue(w.getError().getMessage().contains("(4, 4611686018427387904)"), w.getError().getMessage());
        }
        try (EnvServer server = EnvServer.start(ServerOptions.defaults("Pendulum-v1")); ZContext ctx = new ZContext(1)) {
            ZMQ.Socket s = dealer(ctx, server);
            assertTrue(call(s, hello(0)).hasHello());
            assertTrue(call(s, Request.newBuilder().setId(2).setReset(Reset.newBuilder())).hasReset());
            ByteBuffer f = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(0.5f);
            Value scalar = Value.newBuilder().setTensor(Tensor.newBuilder().setDtype(DType.DTYPE_FLOAT32).setData(ByteString.copyFrom(f.array())))
                    .build();
            Response r = call(s, Request.newBuilder().setId(3).setStep(Step.newBuilder().setAction(scalar)));
            assertEquals(ErrorCode.ERROR_CODE_BAD_MESSAGE, r.getError().getCode(), r.getError().getMessage());
            assertTrue(r.getError().getMessage().contains("shape (1,)") && r.getError().getMessage().contains("got shape ()"),
                    r.getError().getMessage());
        }
    }
}
