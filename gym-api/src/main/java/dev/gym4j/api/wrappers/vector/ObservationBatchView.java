package dev.gym4j.api.wrappers.vector;

import dev.gym4j.api.vector.VectorBatch;

/**
 * The batch a vector wrapper that changes only the observations returns: the wrapped env's batch with
 * other observations, every other array shared ({@link VectorBatch#sharing}). The view is built again only
 * when the wrapped env hands out another batch object or the observations are another array, so a wrapper
 * over a buffer-reusing env allocates nothing per step; otherwise the view is refreshed from the wrapped
 * batch ({@link VectorBatch#invalidateFrom}) before it is returned.
 *
 * <p>Thread safety: not thread-safe; one per wrapper, used on the wrapper's thread.
 *
 * @param <P> the batched observation type of the view
 */
final class ObservationBatchView<P> {

    private VectorBatch<?> lastInner;
    private P lastObservations;
    private VectorBatch<P> view;

    /**
     * @param inner the wrapped env's batch, just returned by its {@code reset} or {@code step}
     * @param observations the observations the view holds in place of {@code inner}'s
     * @return a batch sharing all of {@code inner} but its observations, valid until the next call
     */
    VectorBatch<P> of(VectorBatch<?> inner, P observations) {
        if (lastInner != inner || lastObservations != observations) {
            view = VectorBatch.sharing(inner, observations);
            lastInner = inner;
            lastObservations = observations;
        }
        view.invalidateFrom(inner);
        return view;
    }
}
