package dev.gym4j.envs.tracker.internal;

/**
 * Where the two robots stand and how the scene is lit, for one picture.
 *
 * @param waffleX metres
 * @param waffleY metres
 * @param waffleYaw radians
 * @param burgerX metres
 * @param burgerY metres
 * @param burgerYaw radians
 * @param gain the light's colour gain per channel (1, 1, 1 unless lighting is randomised)
 */
public record ScenePoses(double waffleX, double waffleY, double waffleYaw, double burgerX, double burgerY, double burgerYaw,
                         float[] gain) {
}
