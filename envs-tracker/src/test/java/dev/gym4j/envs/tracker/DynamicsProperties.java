package dev.gym4j.envs.tracker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gym4j.envs.tracker.internal.DiffDrive;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** The Waffle's differential drive: the figures and its limits under any actions. */
class DynamicsProperties {

    private static ObjectTrackerEnv stateEnv(boolean continuous) {
        return ObjectTrackerEnv.fromKwargs(Map.of("observation", "state", "continuous", continuous));
    }

    @Test
    void straightAheadCoversOneCentimetrePerStepAfterTheRamp() {
        try (ObjectTrackerEnv env = stateEnv(false)) {
            env.reset(0L);
            double[] x = new double[8];
            for (int t = 0; t < 8; t++) {
                env.step(2);
                x[t] = env.waffleDrive().x();
            }
            // the ramp: 1 m/s² at 30 Hz is 1/30 m/s per update, so the 0.1 m/s target is reached at the 3rd update
            assertEquals(0.1, env.waffleDrive().leftSpeed(), 1e-12);
            assertEquals((1 + 2 + 3) / 30.0 / 30.0, x[0], 1e-12, "first step: 1/30, 2/30 and 3/30 m/s over 1/30 s each");
            for (int t = 1; t < 8; t++) {
                assertEquals(0.01, x[t] - x[t - 1], 1e-12, "step " + t);
            }
            assertEquals(0.0, env.waffleDrive().y(), 0.0);
            assertEquals(0.0, env.waffleDrive().yaw(), 0.0);
        }
    }

    @Test
    void turningInPlaceRotatesAtTheCommandedRate() {
        for (float rate : new float[] {1f, -1f, 0.5f, -0.3f}) {
            try (ObjectTrackerEnv env = stateEnv(true)) {
                env.reset(0L);
                for (int t = 0; t < 10; t++) {
                    env.step(new float[] {rate, 0f});
                }
                double before = env.waffleDrive().yaw();
                env.step(new float[] {rate, 0f});
                double turned = DiffDrive.wrap(env.waffleDrive().yaw() - before);
                assertEquals(rate * 0.1, turned, 1e-9, "rad per 0.1 s step at " + rate + " rad/s");
                assertEquals(rate, env.waffleDrive().angularSpeed(), 1e-12);
                assertEquals(0.0, StrictMath.hypot(env.waffleDrive().x(), env.waffleDrive().y()), 1e-12, "in place");
            }
        }
    }

    @Test
    void discreteTurnsFollowTheTable() {
        double[] rates = {0.6, -0.6, 0.0, 0.3, -0.3};
        for (int a = 0; a < 5; a++) {
            try (ObjectTrackerEnv env = stateEnv(false)) {
                env.reset(0L);
                for (int t = 0; t < 5; t++) {
                    env.step(a);
                }
                assertEquals(rates[a], env.waffleDrive().angularSpeed(), 1e-12, "action " + a);
                assertEquals(0.1, env.waffleDrive().linearSpeed(), 1e-12, "action " + a);
            }
        }
    }

    @Provide
    Arbitrary<List<float[]>> actionSequences() {
        Arbitrary<float[]> action = Arbitraries.floats().between(-1f, 1f).list().ofSize(2)
                .map(l -> new float[] {l.get(0), Math.abs(l.get(1))});
        return action.list().ofMinSize(1).ofMaxSize(60);
    }

    /**
     * Whatever the commands, per 1/30 s update a wheel changes its speed by at most 1/30 m/s unless it snaps to its
     * target, no wheel ever runs faster than the fastest target it was given, and so per 0.1 s step the base moves at
     * most 0.1 s times its fastest wheel and turns at most 0.1 s times the wheels' fastest difference over the
     * separation.
     */
    @Property(tries = 60)
    void noActionSequenceMovesTheRobotFasterThanItsLimits(@ForAll("actionSequences") List<float[]> actions) {
        DiffDrive d = DiffDrive.waffle();
        d.place(0, 0, 0);
        double maxTarget = 0;
        for (float[] a : actions) {
            double steering = a[0], throttle = a[1];
            double halfSpread = Math.abs(steering) * d.wheelSeparation() / 2;
            maxTarget = Math.max(maxTarget, Math.abs(throttle) + halfSpread);
            d.command(throttle, steering);
            for (int u = 0; u < 3; u++) {
                double l0 = d.leftSpeed(), r0 = d.rightSpeed();
                double x0 = d.x(), y0 = d.y(), yaw0 = d.yaw();
                d.advance(1);
                double targetL = throttle - steering * d.wheelSeparation() / 2.0, targetR = throttle + steering * d.wheelSeparation() / 2.0;
                boolean snapped = d.leftSpeed() == targetL && d.rightSpeed() == targetR;
                if (!snapped) {
                    assertTrue(Math.abs(d.leftSpeed() - l0) <= 1.0 / 30 + 1e-12, "left wheel jerk");
                    assertTrue(Math.abs(d.rightSpeed() - r0) <= 1.0 / 30 + 1e-12, "right wheel jerk");
                }
                double vmax = Math.max(Math.abs(d.leftSpeed()), Math.abs(d.rightSpeed()));
                assertTrue(vmax <= maxTarget + 1e-12, "a wheel runs at " + vmax + " > " + maxTarget);
                double moved = Math.hypot(d.x() - x0, d.y() - y0);
                // The arc is integrated as v/w * (sin(yaw + w dt) - sin(yaw)): the difference of sines carries a rounding
                // error of a few 1e-16, which v/w magnifies when the wheels run at nearly the same speed.
                double v = (d.leftSpeed() + d.rightSpeed()) / 2, w = (d.rightSpeed() - d.leftSpeed()) / d.wheelSeparation();
                double rounding = w == 0 ? 0 : 4e-15 * Math.abs(v / w);
                assertTrue(moved <= vmax / 30 + 1e-12 + rounding, "moved " + moved + " in 1/30 s at wheel speed " + vmax);
                double turned = Math.abs(DiffDrive.wrap(d.yaw() - yaw0));
                assertTrue(turned <= 2 * vmax / d.wheelSeparation() / 30 + 1e-12, "turned " + turned);
                assertTrue(Double.isFinite(d.x()) && Double.isFinite(d.y()) && Math.abs(d.yaw()) <= Math.PI);
            }
        }
    }

    /** In the env, with the discrete actions, the Waffle never goes faster than 0.1 m/s plus the fastest turn's wheel. */
    @Property(tries = 30)
    void discreteEpisodesStayWithinTheSpeedLimit(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed,
                                                 @ForAll("discreteActions") List<Integer> actions) {
        try (ObjectTrackerEnv env = stateEnv(false)) {
            env.reset(seed);
            double wheelMax = 0.1 + 0.6 * 0.287 / 2;
            for (int a : actions) {
                double x0 = env.waffleDrive().x(), y0 = env.waffleDrive().y();
                var r = env.step(a);
                double moved = Math.hypot(env.waffleDrive().x() - x0, env.waffleDrive().y() - y0);
                assertTrue(moved <= 0.1 * 0.1 + 1e-12, "moved " + moved + " m in a step: more than 0.1 m/s for 0.1 s");
                assertTrue(Math.abs(env.waffleDrive().leftSpeed()) <= wheelMax + 1e-12);
                if (r.terminated()) {
                    break;
                }
            }
        }
    }

    @Provide
    Arbitrary<List<Integer>> discreteActions() {
        return Arbitraries.integers().between(0, 4).list().ofMinSize(1).ofMaxSize(200);
    }
}
