package dev.gym4j.envs.robotics.internal.physics;

import java.util.List;

/**
 * A planar articulated model: a tree of limbs joined by hinges, with a floating root (three degrees of
 * freedom: x, height, angle) or a root hinged to the world. Pure data; {@link PlanarWorld} builds it in jbox2d.
 *
 * <p>Generalised coordinates follow MuJoCo's order: {@code qpos = [x, z, angle, joint angles...]} for a
 * floating root ({@code [joint angles...]} otherwise) and {@code qvel} likewise with velocities.
 *
 * @param limbs the limbs; index 0 is the root (the torso)
 * @param hinges one hinge per non-root limb (and one for the root when it is not floating), parents first
 * @param floatingRoot whether the root moves freely in the plane
 * @param friction the friction coefficient of every limb and of the ground
 * @param ground whether there is a floor at height 0
 */
public record BodyModel(List<Limb> limbs, List<Hinge> hinges, boolean floatingRoot, double friction, boolean ground) {
    /** Copies the lists and checks that the hinges form a tree over the limbs. */
    public BodyModel {
        limbs = List.copyOf(limbs);
        hinges = List.copyOf(hinges);
        int expected = floatingRoot ? limbs.size() - 1 : limbs.size();
        if (hinges.size() != expected) {
            throw new IllegalArgumentException("expected " + expected + " hinges for " + limbs.size() + " limbs, got " + hinges.size());
        }
        boolean[] hasParent = new boolean[limbs.size()];
        for (Hinge h : hinges) {
            if (h.child() >= limbs.size() || hasParent[h.child()]) {
                throw new IllegalArgumentException("hinge " + h.name() + " has a bad or repeated child " + h.child());
            }
            hasParent[h.child()] = true;
        }
    }

    /** @return the length of qpos */
    public int nq() {
        return floatingRoot ? 3 + hinges.size() : hinges.size();
    }

    /** @return the total mass in kg */
    public double totalMass() {
        double m = 0;
        for (Limb l : limbs) {
            for (Capsule c : l.capsules()) {
                m += c.mass();
            }
        }
        return m;
    }

    /** @return qpos of the reference pose (root at its reference place, every joint at 0) */
    public double[] referenceQpos() {
        double[] q = new double[nq()];
        if (floatingRoot) {
            q[0] = limbs.get(0).originX();
            q[1] = limbs.get(0).originZ();
        }
        return q;
    }
}
