package dev.gym4j.envs.tracker.internal;

import dev.gym4j.api.random.Generator;

/**
 * How the Burger moves. The original never moves it ({@link #STATIC}); {@link #WANDER} and {@link #EVADE} drive
 * its own differential drive with commands drawn from the env's generator, once per env step.
 *
 * <p>Thread safety: immutable.
 */
public enum TargetMotion {
    /** The Burger stays where the reset put it, as in the RoboMaker sample. */
    STATIC,
    /** Every second (10 steps) a new command: 0.02-0.08 m/s forward, -0.6-0.6 rad/s. */
    WANDER,
    /** Within 1.5 m of the Waffle it drives away at 0.07 m/s (slower than the Waffle's 0.1), else it waits. */
    EVADE;

    /** The kwarg value of this motion. */
    public String kwarg() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Sets the Burger's command for the coming step.
     *
     * @param burger the Burger's drive
     * @param waffle the Waffle's drive
     * @param step the number of steps already taken in the episode
     * @param rng the env's generator
     */
    public void command(DiffDrive burger, DiffDrive waffle, int step, Generator rng) {
        switch (this) {
            case STATIC:
                return;
            case WANDER:
                if (step % 10 == 0) {
                    burger.command(rng.uniform(0.02, 0.08), rng.uniform(-0.6, 0.6));
                }
                return;
            case EVADE:
                double dx = burger.x() - waffle.x();
                double dy = burger.y() - waffle.y();
                double jitter = rng.uniform(-0.3, 0.3);
                if (dx * dx + dy * dy < 1.5 * 1.5) {
                    double away = StrictMath.atan2(dy, dx);
                    double error = DiffDrive.wrap(away - burger.yaw());
                    double turn = StrictMath.max(-1.5, StrictMath.min(1.5, 2.0 * error)) + jitter;
                    double speed = StrictMath.abs(error) > 1.5 ? 0.0 : 0.07;
                    burger.command(speed, turn);
                } else {
                    burger.command(0, 0);
                }
                return;
            default:
                throw new AssertionError(this);
        }
    }
}
