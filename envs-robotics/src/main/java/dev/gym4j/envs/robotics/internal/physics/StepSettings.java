package dev.gym4j.envs.robotics.internal.physics;

/**
 * How one jbox2d physics step runs. Naming the two iteration counts here keeps them from being swapped at
 * the call site ({@code World.step(dt, velocityIterations, positionIterations)} takes two bare ints).
 *
 * @param timestep the step length in seconds, positive
 * @param velocityIterations solver iterations for velocities, at least 1
 * @param positionIterations solver iterations for positions, at least 1
 */
public record StepSettings(float timestep, int velocityIterations, int positionIterations) {
    /** Validates the values. */
    public StepSettings {
        if (!(timestep > 0) || velocityIterations < 1 || positionIterations < 1) {
            throw new IllegalArgumentException("bad step settings: " + timestep + ", " + velocityIterations + ", " + positionIterations);
        }
    }
}
