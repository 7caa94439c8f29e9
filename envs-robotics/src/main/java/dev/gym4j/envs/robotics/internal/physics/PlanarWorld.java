package dev.gym4j.envs.robotics.internal.physics;

import java.util.List;
import org.jbox2d.common.Settings;
import org.jbox2d.common.Vec2;
import org.jbox2d.dynamics.Body;
import org.jbox2d.dynamics.World;
import org.jbox2d.dynamics.contacts.ContactEdge;
import org.jbox2d.dynamics.joints.RevoluteJoint;
import org.jbox2d.dynamics.joints.RevoluteJointDef;
import org.jbox2d.pooling.normal.DefaultWorldPool;

/**
 * A {@link BodyModel} built in a jbox2d {@link World}: the only class that holds jbox2d objects.
 *
 * <p>Each instance owns one {@code World} with its own object pools (jbox2d's pools are unsynchronised).
 * Every episode starts from an empty world: {@link #reset} destroys every body, swaps in a fresh broad-phase
 * tree (see {@link RenewableTree}) and creates the ground, then the limbs and hinges in model order, so that
 * the engine's internal lists (and with them the solver's order) are the same in every run and after any
 * history. A new {@code World} per episode would do the same at the cost of ~0.7 MB of solver arrays each. Every value read from jbox2d is copied
 * into a {@code double} at once: jbox2d hands out its internal mutable {@link Vec2}s. Sleeping is off
 * (a sleeping body would make a trajectory depend on how long it rested) and so is continuous collision
 * (limbs are thick and steps small; it would cost more than the whole step).
 *
 * <p>Actuation follows MuJoCo's: each hinge applies {@code gear * control - damping * speed -
 * stiffness * angle} as equal and opposite torques on its two limbs, recomputed before every physics step.
 * Limits are jbox2d's, set {@code Settings.angularSlop} (2 degrees) inside the model's because jbox2d lets
 * a joint rest that far past its limit, and helped by a brake that keeps a fast joint from overshooting
 * them within one step (see {@code brakeBeforeLimit}). A contact impulse can still swing a joint past its
 * limit within one step; the envs keep that small with short steps (2 to 2.5 ms), and the stability
 * properties bound it.
 *
 * <p>Thread safety: not thread-safe; one env owns one instance. Different instances share nothing
 * (jbox2d's pools are per world), so different threads may step different instances at once.
 */
public final class PlanarWorld {

    /** The most torque, in N m, the limit brake may use (far above any actuator's). */
    private static final float BRAKE_TORQUE = 1e5f;
    /** jbox2d's defaults for its per-world object pools. */
    private static final int WORLD_POOL_SIZE = 100;
    private static final int WORLD_POOL_CONTAINER_SIZE = 10;

    private final BodyModel model;
    private final StepSettings stepSettings;
    private final RenewableTree tree = new RenewableTree();
    private final World world;
    private Body ground;
    private final Body[] bodies;
    private final RevoluteJoint[] joints;
    /** Per hinge: parent-local and child-local anchor (x, y), in the bodies' frames. */
    private final double[] anchors;
    private final double[] qposScratch;
    /** Per limb, scratch for the brake: angular velocity after this step's torques alone, and after the brakes. */
    private final double[] freeSpin;
    private final double[] braked;
    private final double[] qvelScratch;
    private final double totalMass;

    /**
     * Builds the model in a new world at the given generalised state.
     *
     * @param model the model
     * @param gravity vertical acceleration in m/s^2 (negative pulls down; 0 for none)
     * @param stepSettings the physics step length and solver iterations
     * @param qpos generalised positions ({@link BodyModel#nq()} values)
     * @param qvel generalised velocities (as many)
     */
    public PlanarWorld(BodyModel model, double gravity, StepSettings stepSettings, double[] qpos, double[] qvel) {
        PhysicsSettings.ensureConfigured();
        this.model = model;
        this.stepSettings = stepSettings;
        this.world = new World(new Vec2(0f, (float) gravity), new DefaultWorldPool(WORLD_POOL_SIZE, WORLD_POOL_CONTAINER_SIZE), tree);
        world.setAllowSleep(false);
        world.setContinuousPhysics(false);
        world.setWarmStarting(true);
        this.bodies = new Body[model.limbs().size()];
        this.joints = new RevoluteJoint[model.hinges().size()];
        this.anchors = new double[model.hinges().size() * 4];
        this.qposScratch = new double[model.nq()];
        this.freeSpin = new double[model.limbs().size()];
        this.braked = new double[model.limbs().size()];
        this.qvelScratch = new double[model.nq()];
        rebuild(qpos, qvel);
        this.totalMass = sumMass();
    }

    /**
     * Starts over from the given state: every body is destroyed, the broad-phase tree replaced, and the
     * ground, limbs and hinges created again in model order, so that the next steps are bit for bit those
     * of a new instance built at this state.
     *
     * @param qpos generalised positions ({@link BodyModel#nq()} values)
     * @param qvel generalised velocities (as many)
     */
    public void reset(double[] qpos, double[] qvel) {
        for (Body b : bodies) {
            world.destroyBody(b);
        }
        world.destroyBody(ground);
        tree.renew();
        rebuild(qpos, qvel);
    }

    private void rebuild(double[] qpos, double[] qvel) {
        if (qpos.length != model.nq() || qvel.length != model.nq()) {
            throw new IllegalArgumentException("qpos and qvel need " + model.nq() + " values, got " + qpos.length + " and " + qvel.length);
        }
        this.ground = Limbs.createGround(world, model);
        double[][] poses = Kinematics.poses(model, qpos);
        for (int i = 0; i < bodies.length; i++) {
            bodies[i] = Limbs.createLimb(world, model, model.limbs().get(i), poses[i]);
        }
        createHinges();
        setVelocities(poses, qvel);
    }

    private void createHinges() {
        List<Hinge> hinges = model.hinges();
        for (int h = 0; h < hinges.size(); h++) {
            Hinge hinge = hinges.get(h);
            double pox = hinge.parent() < 0 ? 0 : model.limbs().get(hinge.parent()).originX();
            double poz = hinge.parent() < 0 ? 0 : model.limbs().get(hinge.parent()).originZ();
            Limb child = model.limbs().get(hinge.child());
            anchors[4 * h] = hinge.anchorX() - pox;
            anchors[4 * h + 1] = hinge.anchorZ() - poz;
            anchors[4 * h + 2] = hinge.anchorX() - child.originX();
            anchors[4 * h + 3] = hinge.anchorZ() - child.originZ();
            RevoluteJointDef def = new RevoluteJointDef();
            def.bodyA = parentBody(hinge);
            def.bodyB = bodies[hinge.child()];
            def.collideConnected = false;
            def.localAnchorA.set((float) anchors[4 * h], (float) anchors[4 * h + 1]);
            def.localAnchorB.set((float) anchors[4 * h + 2], (float) anchors[4 * h + 3]);
            def.referenceAngle = 0f;
            def.enableLimit = hinge.limited();
            def.enableMotor = false;
            def.maxMotorTorque = BRAKE_TORQUE;
            if (hinge.limited()) {
                // jbox2d lets a joint rest up to angularSlop past its limit before it pushes back, so the
                // engine's limits sit that far inside the model's: the joint then rests within the model's
                def.lowerAngle = (float) (hinge.lower() + Settings.angularSlop);
                def.upperAngle = (float) (hinge.upper() - Settings.angularSlop);
            }
            joints[h] = (RevoluteJoint) world.createJoint(def);
        }
    }

    private Body parentBody(Hinge hinge) {
        return hinge.parent() < 0 ? ground : bodies[hinge.parent()];
    }

    /** Sets each body's centre-of-mass velocity from the generalised velocities, root first. */
    private void setVelocities(double[][] poses, double[] qvel) {
        int nb = bodies.length;
        double[] vx = new double[nb];
        double[] vz = new double[nb];
        double[] w = new double[nb];
        double[][] com = new double[nb][];
        for (int i = 0; i < nb; i++) {
            Vec2 c = bodies[i].getWorldCenter();
            com[i] = new double[] {c.x, c.y};
        }
        if (model.floatingRoot()) {
            w[0] = qvel[2];
            // qvel holds the velocity of the root's origin; jbox2d wants its centre of mass
            vx[0] = qvel[0] - w[0] * (com[0][1] - poses[0][1]);
            vz[0] = qvel[1] + w[0] * (com[0][0] - poses[0][0]);
        }
        int offset = model.floatingRoot() ? 3 : 0;
        List<Hinge> hinges = model.hinges();
        for (int h = 0; h < hinges.size(); h++) {
            Hinge hinge = hinges.get(h);
            int p = hinge.parent();
            int c = hinge.child();
            double pw = p < 0 ? 0 : w[p];
            double[] a = anchorWorld(h);
            double avx = p < 0 ? 0 : vx[p] - pw * (a[1] - com[p][1]);
            double avz = p < 0 ? 0 : vz[p] + pw * (a[0] - com[p][0]);
            w[c] = pw + qvel[offset + h];
            vx[c] = avx - w[c] * (com[c][1] - a[1]);
            vz[c] = avz + w[c] * (com[c][0] - a[0]);
        }
        for (int i = 0; i < nb; i++) {
            bodies[i].setLinearVelocity(new Vec2((float) vx[i], (float) vz[i]));
            bodies[i].setAngularVelocity((float) w[i]);
        }
    }

    /**
     * Applies the actuator torques for {@code control} and advances the world by {@code substeps}
     * physics steps.
     *
     * @param control one control value per hinge, already clamped to the control range
     * @param substeps how many physics steps (MuJoCo's {@code frame_skip})
     */
    public void advance(double[] control, int substeps) {
        for (int s = 0; s < substeps; s++) {
            applyActuators(control);
            stepOnce();
        }
    }

    private void applyActuators(double[] control) {
        List<Hinge> hinges = model.hinges();
        for (int h = 0; h < hinges.size(); h++) {
            Hinge hinge = hinges.get(h);
            Body child = bodies[hinge.child()];
            Body parent = hinge.parent() < 0 ? null : bodies[hinge.parent()];
            double angle = child.getAngle() - (parent == null ? 0 : parent.getAngle());
            double speed = child.getAngularVelocity() - (parent == null ? 0 : parent.getAngularVelocity());
            double torque = hinge.gear() * control[h] - hinge.damping() * speed - hinge.stiffness() * angle;
            child.applyTorque((float) torque);
            if (parent != null) {
                parent.applyTorque((float) -torque);
            }
        }
        double dt = stepSettings.timestep();
        for (int b = 0; b < bodies.length; b++) {
            Body body = bodies[b];
            freeSpin[b] = body.getAngularVelocity() + dt * body.m_invI * body.m_torque;
            braked[b] = freeSpin[b];
        }
        for (int h = 0; h < hinges.size(); h++) {
            Hinge hinge = hinges.get(h);
            if (hinge.limited()) {
                brakeBeforeLimit(h, hinge);
            }
        }
    }

    /**
     * jbox2d enforces a joint limit only once the joint has crossed it, so a fast joint overshoots by its
     * speed times the step. When the joint would cross a limit during this step, its motor (a velocity
     * constraint, solved implicitly) is set for this step to the speed that lands exactly on the limit;
     * otherwise the motor is off and the joint is driven by the actuator torque alone.
     *
     * <p>"Would cross" takes the most pessimistic of three estimates of the joint's speed: its speed now;
     * its speed after this step's torques alone (each limb's spin plus {@code dt * torque / inertia},
     * before constraints), which catches a saturated actuator accelerating a light limb from rest; and the
     * child's spin against the parent's spin once the parent's own brake has acted, which catches the kick
     * a child gets when its parent is stopped at a limit (the child keeps its spin, so its angle relative
     * to the parent jumps). A joint already within jbox2d's limit (the last {@code angularSlop} before the
     * model's) gets no brake: jbox2d's limit stops it this step, and its child's estimate counts it as
     * stopped. Hinges are visited parents first, after every torque is applied.
     */
    private void brakeBeforeLimit(int h, Hinge hinge) {
        double dt = stepSettings.timestep();
        int c = hinge.child();
        int p = hinge.parent();
        Body child = bodies[c];
        double parentAngle = p < 0 ? 0 : bodies[p].getAngle();
        double parentSpin = p < 0 ? 0 : bodies[p].getAngularVelocity();
        double parentFree = p < 0 ? 0 : freeSpin[p];
        double parentBraked = p < 0 ? 0 : braked[p];
        double angle = child.getAngle() - parentAngle;
        double spin = child.getAngularVelocity();
        double now = spin - parentSpin;
        double free = freeSpin[c] - parentFree;
        double afterParent = Math.max(spin, freeSpin[c]) - parentBraked;
        double afterParentLow = Math.min(spin, freeSpin[c]) - parentBraked;
        double toUpper = (hinge.upper() - angle) / dt;
        double toLower = (hinge.lower() - angle) / dt;
        RevoluteJoint joint = joints[h];
        boolean atUpper = angle >= hinge.upper() - Settings.angularSlop;
        boolean atLower = angle <= hinge.lower() + Settings.angularSlop;
        if (atUpper || atLower) {
            // jbox2d's own limit is active this step: it stops the joint moving further out
            if (joint.isMotorEnabled()) {
                joint.enableMotor(false);
            }
            double estimate = atUpper ? Math.min(freeSpin[c] - parentBraked, 0) : Math.max(freeSpin[c] - parentBraked, 0);
            braked[c] = parentBraked + estimate;
            return;
        }
        // here the joint is more than angularSlop inside both limits: toUpper > 0 > toLower
        if (Math.max(Math.max(now, free), afterParent) > toUpper) {
            joint.setMotorSpeed((float) toUpper);
            joint.enableMotor(true);
            braked[c] = parentBraked + toUpper;
        } else if (Math.min(Math.min(now, free), afterParentLow) < toLower) {
            joint.setMotorSpeed((float) toLower);
            joint.enableMotor(true);
            braked[c] = parentBraked + toLower;
        } else if (joint.isMotorEnabled()) {
            joint.enableMotor(false);
        }
    }

    /** The single call site of {@code World.step}, so its two easily swapped ints are named once. */
    private void stepOnce() {
        world.step(stepSettings.timestep(), stepSettings.velocityIterations(), stepSettings.positionIterations());
    }

    /**
     * Writes the generalised positions: root x, height and angle (for a floating root), then joint angles.
     *
     * @param out an array of {@link BodyModel#nq()} values
     */
    public void readQpos(double[] out) {
        int k = 0;
        if (model.floatingRoot()) {
            Vec2 p = bodies[0].getPosition();
            out[0] = p.x;
            out[1] = p.y;
            out[2] = bodies[0].getAngle();
            k = 3;
        }
        for (Hinge hinge : model.hinges()) {
            double parentAngle = hinge.parent() < 0 ? 0 : bodies[hinge.parent()].getAngle();
            out[k++] = bodies[hinge.child()].getAngle() - parentAngle;
        }
    }

    /**
     * Writes the generalised velocities: root origin velocity (x, height) and angular velocity, then
     * joint speeds.
     *
     * @param out an array of {@link BodyModel#nq()} values
     */
    public void readQvel(double[] out) {
        int k = 0;
        if (model.floatingRoot()) {
            Body root = bodies[0];
            Vec2 v = root.getLinearVelocity();
            Vec2 c = root.getWorldCenter();
            Vec2 p = root.getPosition();
            double w = root.getAngularVelocity();
            out[0] = v.x - w * (p.y - c.y);
            out[1] = v.y + w * (p.x - c.x);
            out[2] = w;
            k = 3;
        }
        for (Hinge hinge : model.hinges()) {
            double parentW = hinge.parent() < 0 ? 0 : bodies[hinge.parent()].getAngularVelocity();
            out[k++] = bodies[hinge.child()].getAngularVelocity() - parentW;
        }
    }

    /**
     * @param limb a limb index
     * @return its pose {@code {x, z, angle}} (origin and angle relative to the reference pose)
     */
    public double[] pose(int limb) {
        Vec2 p = bodies[limb].getPosition();
        return new double[] {p.x, p.y, bodies[limb].getAngle()};
    }

    /**
     * @param limb a limb index
     * @return whether any of its capsules touches the ground
     */
    public boolean touchesGround(int limb) {
        for (ContactEdge e = bodies[limb].getContactList(); e != null; e = e.next) {
            if (e.other == ground && e.contact.isTouching()) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param limb a limb index
     * @param refX x of a point of the limb in the reference pose
     * @param refZ height of that point in the reference pose
     * @return where that point is now, {@code {x, z}}
     */
    public double[] worldPoint(int limb, double refX, double refZ) {
        Limb l = model.limbs().get(limb);
        return toWorld(bodies[limb], refX - l.originX(), refZ - l.originZ());
    }

    /** @return the x of the whole model's centre of mass */
    public double centerOfMassX() {
        double sum = 0;
        for (Body b : bodies) {
            sum += b.getMass() * b.getWorldCenter().x;
        }
        return sum / totalMass;
    }

    /** @return the largest distance, in metres, between the two ends of any hinge (0 for a perfect joint) */
    public double maxHingeGap() {
        double worst = 0;
        for (int h = 0; h < model.hinges().size(); h++) {
            double[] a = anchorWorld(h);
            Body child = bodies[model.hinges().get(h).child()];
            double[] b = toWorld(child, anchors[4 * h + 2], anchors[4 * h + 3]);
            worst = Math.max(worst, Math.hypot(a[0] - b[0], a[1] - b[1]));
        }
        return worst;
    }

    /** @return the largest centre-of-mass speed of any limb, in m/s */
    public double maxLinearSpeed() {
        double worst = 0;
        for (Body b : bodies) {
            Vec2 v = b.getLinearVelocity();
            worst = Math.max(worst, Math.hypot(v.x, v.y));
        }
        return worst;
    }

    /** @return the largest absolute angular velocity of any limb, in rad/s */
    public double maxAngularSpeed() {
        double worst = 0;
        for (Body b : bodies) {
            worst = Math.max(worst, Math.abs(b.getAngularVelocity()));
        }
        return worst;
    }

    /** @return the model this world was built from */
    public BodyModel model() {
        return model;
    }

    private double sumMass() {
        double m = 0;
        for (Body b : bodies) {
            m += b.getMass();
        }
        return m;
    }

    /** @return the world position of hinge {@code h}'s anchor as its parent (or the world) carries it */
    private double[] anchorWorld(int h) {
        Hinge hinge = model.hinges().get(h);
        if (hinge.parent() < 0) {
            return new double[] {anchors[4 * h], anchors[4 * h + 1]};
        }
        return toWorld(bodies[hinge.parent()], anchors[4 * h], anchors[4 * h + 1]);
    }

    private static double[] toWorld(Body body, double lx, double ly) {
        Vec2 p = body.getPosition();
        double a = body.getAngle();
        double c = Math.cos(a);
        double s = Math.sin(a);
        return new double[] {p.x + c * lx - s * ly, p.y + s * lx + c * ly};
    }

    /** @return a copy of the generalised positions */
    public double[] qpos() {
        readQpos(qposScratch);
        return qposScratch.clone();
    }

    /** @return a copy of the generalised velocities */
    public double[] qvel() {
        readQvel(qvelScratch);
        return qvelScratch.clone();
    }
}
