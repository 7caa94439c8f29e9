package dev.gym4j.envs.robotics.internal.physics;

import org.jbox2d.callbacks.DebugDraw;
import org.jbox2d.callbacks.TreeCallback;
import org.jbox2d.callbacks.TreeRayCastCallback;
import org.jbox2d.collision.AABB;
import org.jbox2d.collision.RayCastInput;
import org.jbox2d.collision.broadphase.BroadPhaseStrategy;
import org.jbox2d.collision.broadphase.DynamicTree;
import org.jbox2d.common.Vec2;

/**
 * jbox2d's dynamic AABB tree behind a handle that can swap in a fresh, empty tree.
 *
 * <p>The tree is the one part of a jbox2d {@code World} whose state outlives its bodies in a way that
 * changes results: its free list hands out proxy ids in an order that depends on history, and the broad
 * phase sorts new contacts by proxy id. Swapping in a new tree once every body is gone makes a reused
 * world behave exactly as a new one (a test checks this bit for bit), which saves the ~0.7 MB that
 * {@code new World} allocates for its solver.
 *
 * <p>Thread safety: not thread-safe; owned by one {@link PlanarWorld}.
 */
final class RenewableTree implements BroadPhaseStrategy {

    private DynamicTree tree = new DynamicTree();

    /** Replaces the tree by an empty one; call only when every proxy has been destroyed. */
    void renew() {
        tree = new DynamicTree();
    }

    @Override
    public int createProxy(AABB aabb, Object userData) {
        return tree.createProxy(aabb, userData);
    }

    @Override
    public void destroyProxy(int proxyId) {
        tree.destroyProxy(proxyId);
    }

    @Override
    public boolean moveProxy(int proxyId, AABB aabb, Vec2 displacement) {
        return tree.moveProxy(proxyId, aabb, displacement);
    }

    @Override
    public Object getUserData(int proxyId) {
        return tree.getUserData(proxyId);
    }

    @Override
    public AABB getFatAABB(int proxyId) {
        return tree.getFatAABB(proxyId);
    }

    @Override
    public void query(TreeCallback callback, AABB aabb) {
        tree.query(callback, aabb);
    }

    @Override
    public void raycast(TreeRayCastCallback callback, RayCastInput input) {
        tree.raycast(callback, input);
    }

    @Override
    public int computeHeight() {
        return tree.computeHeight();
    }

    @Override
    public int getHeight() {
        return tree.getHeight();
    }

    @Override
    public int getMaxBalance() {
        return tree.getMaxBalance();
    }

    @Override
    public float getAreaRatio() {
        return tree.getAreaRatio();
    }

    @Override
    public int getInsertionCount() {
        return tree.getInsertionCount();
    }

    @Override
    public void drawTree(DebugDraw draw) {
        tree.drawTree(draw);
    }
}
