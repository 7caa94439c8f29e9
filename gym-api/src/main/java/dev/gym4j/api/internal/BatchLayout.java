package dev.gym4j.api.internal;

import dev.gym4j.api.InvalidActionException;
import dev.gym4j.api.InvalidArgumentException;
import dev.gym4j.api.spaces.Box;
import dev.gym4j.api.spaces.DType;
import dev.gym4j.api.spaces.DictSpace;
import dev.gym4j.api.spaces.Discrete;
import dev.gym4j.api.spaces.MultiBinary;
import dev.gym4j.api.spaces.MultiDiscrete;
import dev.gym4j.api.spaces.Space;
import dev.gym4j.api.spaces.TupleSpace;
import java.lang.reflect.Array;
import java.util.Arrays;

/**
 * How values of one single space are laid out in a flat primitive batch array, row after row, and the
 * batched space Gymnasium's {@code batch_space} builds for it.
 *
 * <p>Array-valued spaces ({@code Box}, {@code MultiDiscrete}, {@code MultiBinary}) batch into one array
 * of the same primitive type holding {@code rows * rowSize} elements; {@code Discrete} batches into a
 * {@code long[]} (the values of Gymnasium's batched {@code MultiDiscrete}). Tuple and dict spaces are
 * not batched yet. Immutable and thread-safe. Internal: used by the vector envs and the vector wrappers.
 */
public final class BatchLayout {

    private final Space<?> space;
    private final boolean discrete;
    private final Class<?> componentType;
    private final Class<?> batchType;
    private final int rowSize;

    private BatchLayout(Space<?> space, boolean discrete, Class<?> componentType, int rowSize) {
        this.space = space;
        this.discrete = discrete;
        this.componentType = componentType;
        this.batchType = Array.newInstance(componentType, 0).getClass();
        this.rowSize = rowSize;
    }

    /**
     * @param space a single env's observation or action space
     * @return its layout
     * @throws InvalidArgumentException for a tuple or dict space
     */
    public static BatchLayout of(Space<?> space) {
        if (space instanceof Discrete) {
            return new BatchLayout(space, true, long.class, 1);
        }
        if (space instanceof Box<?> || space instanceof MultiDiscrete || space instanceof MultiBinary) {
            DType dtype = space.dtype();
            return new BatchLayout(space, false, dtype.arrayType().getComponentType(), product(space.shape()));
        }
        if (space instanceof TupleSpace || space instanceof DictSpace) {
            throw new InvalidArgumentException("Vector envs batch Box, Discrete, MultiDiscrete and MultiBinary spaces; "
                    + space + " (a " + space.getClass().getSimpleName() + ") is not supported yet: flatten it with a wrapper first");
        }
        throw new AssertionError(space);
    }

    /** @return the single space */
    public Space<?> space() {
        return space;
    }

    /** @return the number of batch elements one value takes */
    public int rowSize() {
        return rowSize;
    }

    /** @return the batch array's class, such as {@code float[].class} */
    public Class<?> batchType() {
        return batchType;
    }

    /**
     * @param rows the number of rows
     * @return a zeroed batch array for {@code rows} values
     */
    public Object newBatch(int rows) {
        return Array.newInstance(componentType, rows * rowSize);
    }

    /**
     * @return a scratch value of the single space that {@link #readRow} fills, or null for {@code Discrete}
     *     (whose values are boxed integers)
     */
    public Object newScratch() {
        return discrete ? null : Array.newInstance(componentType, rowSize);
    }

    /**
     * Copies one value into a batch row.
     *
     * @param value a value of the single space
     * @param batch a batch array of this layout
     * @param row the row
     */
    public void writeRow(Object value, Object batch, int row) {
        if (discrete) {
            ((long[]) batch)[row] = ((Integer) value).longValue();
        } else {
            System.arraycopy(value, 0, batch, row * rowSize, rowSize);
        }
    }

    /**
     * Reads one row as a value of the single space.
     *
     * @param batch a batch array of this layout
     * @param row the row
     * @param scratch the array from {@link #newScratch()}, overwritten and returned (array spaces)
     * @return the row's value; for {@code Discrete} an {@code Integer}, which allocates nothing in the
     *     cached range -128..127
     */
    public Object readRow(Object batch, int row, Object scratch) {
        if (discrete) {
            long v = ((long[]) batch)[row];
            if (v != (int) v) {
                throw new InvalidActionException("Action " + v + " in row " + row + " is not in " + space);
            }
            return Integer.valueOf((int) v);
        }
        System.arraycopy(batch, row * rowSize, scratch, 0, rowSize);
        return scratch;
    }

    /**
     * @param batch a batch array of this layout
     * @param row the row
     * @return a fresh value of the single space equal to the row: an {@code Integer} for
     *     {@code Discrete}, else a new primitive array
     */
    public Object copyRowValue(Object batch, int row) {
        if (discrete) {
            return Integer.valueOf((int) ((long[]) batch)[row]);
        }
        Object value = Array.newInstance(componentType, rowSize);
        System.arraycopy(batch, row * rowSize, value, 0, rowSize);
        return value;
    }

    /**
     * Copies rows between two batch arrays of this layout.
     *
     * @param src the source batch
     * @param srcRow the first source row
     * @param dst the destination batch
     * @param dstRow the first destination row
     * @param rows how many rows
     */
    public void copyRows(Object src, int srcRow, Object dst, int dstRow, int rows) {
        System.arraycopy(src, srcRow * rowSize, dst, dstRow * rowSize, rows * rowSize);
    }

    /**
     * Checks that an action batch has the right type and length.
     *
     * @param batch the caller's batch
     * @param rows the expected number of rows
     * @param what "actions" or "observations", for the message
     * @throws InvalidArgumentException naming the expected type and length
     */
    public void checkBatch(Object batch, int rows, String what) {
        if (batch == null || batch.getClass() != batchType() || Array.getLength(batch) != rows * rowSize) {
            String got = batch == null ? "null" : batch.getClass().getSimpleName() + " of length " + Array.getLength(batch);
            throw new InvalidArgumentException("Expected " + what + " as a " + batchType().getSimpleName() + " of length "
                    + rows * rowSize + " (" + rows + " rows of " + rowSize + " for " + space + "), got " + got);
        }
    }

    /**
     * @param rows the number of rows
     * @return Gymnasium's {@code batch_space(space, rows)}: a {@code Box} with a leading {@code rows}
     *     dimension, or a {@code MultiDiscrete} for {@code Discrete}
     */
    public Space<?> batchedSpace(int rows) {
        if (space instanceof Discrete d) {
            long[] nvec = new long[rows];
            long[] start = new long[rows];
            Arrays.fill(nvec, d.n());
            Arrays.fill(start, d.start());
            return new MultiDiscrete(nvec, start);
        }
        int[] shape = space.shape();
        int[] batchedShape = new int[shape.length + 1];
        batchedShape[0] = rows;
        System.arraycopy(shape, 0, batchedShape, 1, shape.length);
        double[] low;
        double[] high;
        if (space instanceof Box<?> box) {
            low = box.low();
            high = box.high();
        } else if (space instanceof MultiDiscrete md) {
            long[] nvec = md.nvec();
            long[] start = md.start();
            low = new double[nvec.length];
            high = new double[nvec.length];
            for (int i = 0; i < nvec.length; i++) {
                low[i] = start[i];
                high[i] = start[i] + nvec[i] - 1;
            }
        } else if (space instanceof MultiBinary) {
            low = new double[rowSize];
            high = new double[rowSize];
            Arrays.fill(high, 1);
        } else {
            throw new AssertionError(space);
        }
        return Box.of(space.dtype(), tile(low, rows), tile(high, rows), batchedShape);
    }

    private static double[] tile(double[] row, int rows) {
        double[] out = new double[row.length * rows];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(row, 0, out, r * row.length, row.length);
        }
        return out;
    }

    private static int product(int[] shape) {
        int n = 1;
        for (int s : shape) {
            n = Math.multiplyExact(n, s);
        }
        return n;
    }
}
