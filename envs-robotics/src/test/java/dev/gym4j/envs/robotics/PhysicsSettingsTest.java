package dev.gym4j.envs.robotics;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.gym4j.envs.robotics.internal.physics.PhysicsSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** jbox2d's global settings are what {@link PhysicsSettings} sets, once any env has run. */
class PhysicsSettingsTest {

    @Test
    void lookupTableTrigonometryIsOff() {
        new HopperEnv(Map.of()).reset(1L);
        assertFalse(PhysicsSettings.sinCosLookupTableEnabled());
        assertFalse(org.jbox2d.common.Settings.SINCOS_LUT_ENABLED);
    }
}
