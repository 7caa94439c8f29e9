package dev.gym4j.bridge;

import dev.gym4j.api.spaces.Box;
import dev.gym4j.api.spaces.DictSpace;
import dev.gym4j.api.spaces.Discrete;
import dev.gym4j.api.spaces.MultiBinary;
import dev.gym4j.api.spaces.MultiDiscrete;
import dev.gym4j.api.spaces.Space;
import dev.gym4j.api.spaces.TupleSpace;
import dev.gym4j.bridge.proto.BoxSpace;
import dev.gym4j.bridge.proto.DictSpaceEntry;
import dev.gym4j.bridge.proto.DiscreteSpace;
import dev.gym4j.bridge.proto.MultiBinarySpace;
import dev.gym4j.bridge.proto.MultiDiscreteSpace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * gym-api spaces to and from the wire's {@code Space} message. Every permitted subclass of
 * {@link Space} has a branch (a test walks {@code getPermittedSubclasses()}).
 *
 * <p>Thread-safe (stateless).
 */
final class SpaceCodec {

    private SpaceCodec() {
    }

    static dev.gym4j.bridge.proto.Space toWire(Space<?> space) {
        var out = dev.gym4j.bridge.proto.Space.newBuilder();
        if (space instanceof Box<?> box) {
            BoxSpace.Builder b = BoxSpace.newBuilder().setDtype(Tensors.toWire(box.dtype()));
            for (int d : box.shape()) {
                b.addShape(d);
            }
            double[] low = box.low();
            double[] high = box.high();
            boolean[] below = box.boundedBelow();
            boolean[] above = box.boundedAbove();
            for (int i = 0; i < low.length; i++) {
                b.addLow(below[i] ? low[i] : Double.NEGATIVE_INFINITY);
                b.addHigh(above[i] ? high[i] : Double.POSITIVE_INFINITY);
            }
            return out.setBox(b).build();
        }
        if (space instanceof Discrete d) {
            return out.setDiscrete(DiscreteSpace.newBuilder().setN(d.n()).setStart(d.start())).build();
        }
        if (space instanceof MultiDiscrete md) {
            MultiDiscreteSpace.Builder b = MultiDiscreteSpace.newBuilder();
            for (long n : md.nvec()) {
                b.addNvec(n);
            }
            for (long s : md.start()) {
                b.addStart(s);
            }
            return out.setMultiDiscrete(b).build();
        }
        if (space instanceof MultiBinary mb) {
            MultiBinarySpace.Builder b = MultiBinarySpace.newBuilder();
            for (int d : mb.shape()) {
                b.addShape(d);
            }
            return out.setMultiBinary(b).build();
        }
        if (space instanceof TupleSpace t) {
            var b = dev.gym4j.bridge.proto.TupleSpace.newBuilder();
            for (Space<?> s : t.spaces()) {
                b.addSpaces(toWire(s));
            }
            return out.setTuple(b).build();
        }
        if (space instanceof DictSpace ds) {
            var b = dev.gym4j.bridge.proto.DictSpace.newBuilder();
            for (Map.Entry<String, Space<?>> e : ds.spaces().entrySet()) {
                b.addEntries(DictSpaceEntry.newBuilder().setKey(e.getKey()).setSpace(toWire(e.getValue())));
            }
            return out.setDict(b).build();
        }
        throw new AssertionError("unhandled space " + space);
    }

    static Space<?> fromWire(dev.gym4j.bridge.proto.Space s) {
        try {
            switch (s.getKindCase()) {
                case BOX: {
                    BoxSpace b = s.getBox();
                    int[] shape = ints(b.getShapeList());
                    double[] low = b.getLowList().stream().mapToDouble(Double::doubleValue).toArray();
                    double[] high = b.getHighList().stream().mapToDouble(Double::doubleValue).toArray();
                    return Box.of(Tensors.fromWire(b.getDtype()), low, high, shape);
                }
                case DISCRETE:
                    return new Discrete(Math.toIntExact(s.getDiscrete().getN()), Math.toIntExact(s.getDiscrete().getStart()));
                case MULTI_DISCRETE: {
                    MultiDiscreteSpace md = s.getMultiDiscrete();
                    long[] nvec = md.getNvecList().stream().mapToLong(Long::longValue).toArray();
                    long[] start = md.getStartCount() == 0 ? new long[nvec.length]
                            : md.getStartList().stream().mapToLong(Long::longValue).toArray();
                    return new MultiDiscrete(nvec, start);
                }
                case MULTI_BINARY:
                    return new MultiBinary(ints(s.getMultiBinary().getShapeList()));
                case TUPLE: {
                    List<Space<?>> subs = new ArrayList<>();
                    for (var sub : s.getTuple().getSpacesList()) {
                        subs.add(fromWire(sub));
                    }
                    return new TupleSpace(subs);
                }
                case DICT: {
                    Map<String, Space<?>> subs = new LinkedHashMap<>();
                    for (DictSpaceEntry e : s.getDict().getEntriesList()) {
                        subs.put(e.getKey(), fromWire(e.getSpace()));
                    }
                    return DictSpace.keepingOrder(subs);
                }
                default:
                    throw new ProtocolException("space has no kind set");
            }
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new ProtocolException("invalid space: " + e.getMessage());
        }
    }

    private static int[] ints(List<Long> dims) {
        int[] out = new int[dims.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.toIntExact(dims.get(i));
        }
        return out;
    }
}
