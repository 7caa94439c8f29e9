package dev.gym4j.envs.robotics.internal.physics;

import org.jbox2d.collision.shapes.CircleShape;
import org.jbox2d.collision.shapes.MassData;
import org.jbox2d.collision.shapes.PolygonShape;
import org.jbox2d.collision.shapes.Shape;
import org.jbox2d.common.Vec2;
import org.jbox2d.dynamics.Body;
import org.jbox2d.dynamics.BodyDef;
import org.jbox2d.dynamics.BodyType;
import org.jbox2d.dynamics.FixtureDef;
import org.jbox2d.dynamics.World;

/**
 * Creates the floor and the limbs of a {@link BodyModel} in a jbox2d world: shapes, densities, friction,
 * collision filters and the armature's extra inertia. Stateless.
 */
final class Limbs {

    /** Limbs collide with the ground only, never with each other. */
    private static final int GROUND_CATEGORY = 0x1;
    private static final int LIMB_CATEGORY = 0x2;
    /** Half the width of the floor; episodes never travel this far in 1000 steps. */
    private static final float FLOOR_HALF_WIDTH = 5000f;

    private Limbs() {
    }

    /** @return the static body that carries the floor (a box whose top is at height 0), if the model has one */
    static Body createGround(World world, BodyModel model) {
        BodyDef def = new BodyDef();
        def.type = BodyType.STATIC;
        Body body = world.createBody(def);
        if (model.ground()) {
            PolygonShape box = new PolygonShape();
            // jbox2d grows every polygon by a skin; sink the box by it so the floor's surface is at height 0
            box.setAsBox(FLOOR_HALF_WIDTH, 0.5f, new Vec2(0f, -0.5f - org.jbox2d.common.Settings.polygonRadius), 0f);
            FixtureDef fd = new FixtureDef();
            fd.shape = box;
            fd.friction = (float) model.friction();
            fd.filter.categoryBits = GROUND_CATEGORY;
            fd.filter.maskBits = LIMB_CATEGORY;
            body.createFixture(fd);
        }
        return body;
    }

    /** @return the dynamic body of {@code limb} at {@code pose = {x, z, angle}} */
    static Body createLimb(World world, BodyModel model, Limb limb, double[] pose) {
        BodyDef def = new BodyDef();
        def.type = BodyType.DYNAMIC;
        def.position.set((float) pose[0], (float) pose[1]);
        def.angle = (float) pose[2];
        Body body = world.createBody(def);
        double ox = limb.originX();
        double oz = limb.originZ();
        for (Capsule c : limb.capsules()) {
            addCapsule(body, c, ox, oz, model.friction());
        }
        MassData md = new MassData();
        body.getMassData(md);
        md.I += (float) limb.armature();
        body.setMassData(md);
        return body;
    }

    /**
     * A capsule is one convex polygon, a stadium whose round ends have four vertices each, grown by
     * jbox2d's polygon skin to the capsule's radius; a zero-length capsule is a disc. One fixture per capsule
     * keeps the broad phase (which otherwise dominates the step) small.
     */
    private static void addCapsule(Body body, Capsule c, double ox, double oz, double friction) {
        float density = (float) (c.mass() / (2 * c.radius() * c.length() + Math.PI * c.radius() * c.radius()));
        double x0 = c.x0() - ox;
        double z0 = c.z0() - oz;
        double x1 = c.x1() - ox;
        double z1 = c.z1() - oz;
        if (c.length() == 0) {
            CircleShape disc = new CircleShape();
            disc.m_radius = (float) c.radius();
            disc.m_p.set((float) x0, (float) z0);
            body.createFixture(limbFixture(disc, density, friction));
            return;
        }
        double skin = org.jbox2d.common.Settings.polygonRadius;
        // the chords of a 60-degree polygon lie cos(30 deg) inside its corners: push the corners out so
        // that the mean radius of the rounded end matches the capsule's
        double rho = (c.radius() - skin) / (0.5 * (1 + Math.cos(Math.PI / 6)));
        double axis = Math.atan2(z1 - z0, x1 - x0);
        Vec2[] vertices = new Vec2[8];
        for (int k = 0; k < 4; k++) {
            double a = axis - Math.PI / 2 + k * Math.PI / 3;
            vertices[k] = new Vec2((float) (x1 + rho * Math.cos(a)), (float) (z1 + rho * Math.sin(a)));
            double b = axis + Math.PI / 2 + k * Math.PI / 3;
            vertices[4 + k] = new Vec2((float) (x0 + rho * Math.cos(b)), (float) (z0 + rho * Math.sin(b)));
        }
        PolygonShape stadium = new PolygonShape();
        stadium.set(vertices, vertices.length);
        body.createFixture(limbFixture(stadium, density, friction));
    }

    private static FixtureDef limbFixture(Shape shape, float density, double friction) {
        FixtureDef fd = new FixtureDef();
        fd.shape = shape;
        fd.density = density;
        fd.friction = (float) friction;
        fd.restitution = 0f;
        fd.filter.categoryBits = LIMB_CATEGORY;
        fd.filter.maskBits = GROUND_CATEGORY;
        return fd;
    }
}
