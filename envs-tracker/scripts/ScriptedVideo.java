import dev.gym4j.api.Env;
import dev.gym4j.api.Gym;
import dev.gym4j.api.StepResult;
import dev.gym4j.video.RecordVideo;
import java.nio.file.Path;
import java.util.Map;

/**
 * Records one episode of the scripted expert (the bearing follower of ScriptedControllerTest) on
 * tracker/ObjectTracker-v0 as an MP4 of the third-person view. Run through scripted-video.sh.
 */
public class ScriptedVideo {
    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "tracker-video");
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 0;
        Env<Object, Object> made = Gym.make("tracker/ObjectTracker-v0", Map.of("observation", "state", "render_mode", "rgb_array",
                "distractors", 4));
        try (Env<Object, Object> env = RecordVideo.builder(made, dir).namePrefix("tracker-scripted").build()) {
            float[] s = (float[]) env.reset(seed).observation();
            double ret = 0;
            int steps = 0;
            while (true) {
                double error = Math.IEEEremainder(Math.atan2(s[4] - s[1], s[3] - s[0]) - s[2], 2 * Math.PI);
                int action = error > 0.25 ? 0 : error > 0.06 ? 3 : error < -0.25 ? 1 : error < -0.06 ? 4 : 2;
                StepResult<Object> r = env.step(action);
                ret += r.reward();
                steps++;
                s = (float[]) r.observation();
                if (r.terminated() || r.truncated()) {
                    System.out.printf("seed %d: %d steps, return %.1f, final distance %.3f m, %s%n", seed, steps, ret,
                            (Double) r.info().get("distance"), r.terminated() ? "terminated" : "truncated");
                    break;
                }
            }
        }
        System.out.println("video in " + dir.toAbsolutePath());
    }
}
