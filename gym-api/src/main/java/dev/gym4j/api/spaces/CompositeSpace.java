package dev.gym4j.api.spaces;

import java.math.BigInteger;
import java.util.List;

/**
 * What {@link TupleSpace} and {@link DictSpace} share: seeding as Gymnasium's {@code Tuple.seed(int)} and
 * {@code Dict.seed(int)} (this space's generator from the seed, then one subseed per subspace drawn with
 * {@code integers(2**31 - 1, size=n)}, each subspace seeded with its own), and no array shape or dtype.
 * The space's own generator only draws the subseeds.
 */
abstract class CompositeSpace extends SeededSpace {

    CompositeSpace() {
    }

    /** @return the subspaces in the order they are seeded, sampled and flattened */
    abstract List<Space<?>> orderedSubspaces();

    /**
     * @return {@code seed} followed by each subspace's {@code seed} result, in order (Gymnasium returns only
     *     the subspaces' results: a tuple for a Tuple, a dict for a Dict)
     */
    @Override
    public List<Long> seed(long seed) {
        random.seed(seed);
        return SpaceRandom.prepend(seed, random.seedChildren(orderedSubspaces()));
    }

    @Override
    public List<BigInteger> seed(BigInteger seed) {
        random.seed(seed);
        return SpaceRandom.prepend(seed, random.seedChildren(orderedSubspaces()));
    }

    /** @return null: a composite space has no array shape */
    public int[] shape() {
        return null;
    }

    /** @return null: a composite space has no single dtype */
    public DType dtype() {
        return null;
    }
}
