package dev.gym4j.envs.robotics.internal.physics;

import java.util.List;

/** Forward kinematics of a {@link BodyModel}: limb poses from generalised positions. Stateless. */
final class Kinematics {

    private Kinematics() {
    }

    /**
     * @param model the model
     * @param qpos generalised positions
     * @return per limb {@code {x, z, angle}} of its origin
     */
    static double[][] poses(BodyModel model, double[] qpos) {
        List<Limb> limbs = model.limbs();
        double[][] poses = new double[limbs.size()][];
        int offset = 0;
        if (model.floatingRoot()) {
            poses[0] = new double[] {qpos[0], qpos[1], qpos[2]};
            offset = 3;
        }
        List<Hinge> hinges = model.hinges();
        for (int h = 0; h < hinges.size(); h++) {
            Hinge hinge = hinges.get(h);
            double[] parent = hinge.parent() < 0 ? new double[] {0, 0, 0} : poses[hinge.parent()];
            double pox = hinge.parent() < 0 ? 0 : limbs.get(hinge.parent()).originX();
            double poz = hinge.parent() < 0 ? 0 : limbs.get(hinge.parent()).originZ();
            double[] anchor = rotate(parent[2], hinge.anchorX() - pox, hinge.anchorZ() - poz);
            double ax = parent[0] + anchor[0];
            double az = parent[1] + anchor[1];
            double angle = parent[2] + qpos[offset + h];
            Limb child = limbs.get(hinge.child());
            double[] back = rotate(angle, hinge.anchorX() - child.originX(), hinge.anchorZ() - child.originZ());
            poses[hinge.child()] = new double[] {ax - back[0], az - back[1], angle};
        }
        return poses;
    }

    static double[] rotate(double angle, double x, double z) {
        double c = Math.cos(angle);
        double s = Math.sin(angle);
        return new double[] {c * x - s * z, s * x + c * z};
    }
}
