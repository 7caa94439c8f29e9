package dev.gym4j.worker.cli;

import dev.gym4j.Gym;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gym4j rollout ENV --policy expert [--kwarg NAME=VALUE ...]}: the env's scripted expert, found through
 * gym-api's {@code ExpertProvider} service (rollout-worker has no code of the tracker's), and kwargs for Gym.make.
 */
class RolloutExpertCommandTest {

    private static final Pattern EPISODE = Pattern.compile("episode \\d+: return (\\S+), length (\\d+), terminated");

    @TempDir
    Path dir;

    @Test
    void recordsAnMp4OfTheTrackerExpertOnTheCameraObservation() throws Exception {
        // the first 40 of the episode's ~330 steps (the whole episode takes ~15 s to encode on 2 cores; the next
        // test runs whole episodes without video); RecordVideo writes the reset frame and one frame per step
        Cli r = Cli.run("rollout", "tracker/ObjectTracker-v0", "--policy", "expert", "--video", dir.toString(),
                "--episodes", "1", "--seed", "0", "--max-steps", "40");
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.out().contains("episode 0: return "), r.toString());
        assertTrue(r.out().contains("length 40, stopped at --max-steps"), r.toString());
        assertEquals(List.of("rl-video-episode-0.mp4"), listing());
        WorkerVideoTest.requireFfprobe();
        assertEquals(41, WorkerVideoTest.decodedFrames(dir.resolve("rl-video-episode-0.mp4")));
    }

    @Test
    void kwargsReachGymMakeAndTheExpertActsAlikeOnStateAndPictures() {
        Cli state = Cli.run("rollout", "tracker/ObjectTracker-v0", "--policy", "expert", "--episodes", "2", "--seed", "5",
                "--kwarg", "observation=state");
        Cli gray = Cli.run("rollout", "tracker/ObjectTracker-v0", "--policy", "expert", "--episodes", "2", "--seed", "5",
                "--kwarg", "observation=gray", "--kwarg", "image_size=[32,24]", "--kwarg", "renderer=software");
        assertEquals(0, state.status(), state.toString());
        assertEquals(0, gray.status(), gray.toString());
        assertEquals(state.lines().subList(0, 2), gray.lines().subList(0, 2));
        for (String line : state.lines().subList(0, 2)) {
            Matcher m = EPISODE.matcher(line);
            assertTrue(m.find(), "the expert reaches the Burger (terminated): " + state);
            assertTrue(Double.parseDouble(m.group(1)) > 200, "beats the reward threshold 200: " + state);
        }
        Cli json = Cli.run("rollout", "tracker/ObjectTracker-v0", "--policy", "expert", "--episodes", "1", "--seed", "5",
                "--kwarg", "observation=state", "--json", "--trace");
        assertEquals(0, json.status(), json.toString());
        assertTrue(json.out().contains("\"policy\":\"expert\""), json.toString());
    }

    @Test
    void badKwargsAndEnvsWithoutAnExpertAreOneClearLine() {
        Cli noExpert = Cli.run("rollout", "CartPole-v1", "--policy", "expert", "--episodes", "1");
        assertEquals(2, noExpert.status(), noExpert.toString());
        assertTrue(noExpert.err().contains("Env 'CartPole-v1' has no expert policy; envs with one: tracker/ObjectTracker-v0"),
                noExpert.toString());
        Cli badValue = Cli.run("rollout", "tracker/ObjectTracker-v0", "--kwarg", "observation=depth", "--episodes", "1");
        assertEquals(2, badValue.status(), badValue.toString());
        assertTrue(badValue.err().contains("kwarg 'observation' of ObjectTrackerEnv must be one of"), badValue.toString());
        Cli badSize = Cli.run("rollout", "tracker/ObjectTracker-v0", "--kwarg", "image_size=[4,4]", "--episodes", "1");
        assertEquals(2, badSize.status(), badSize.toString());
        assertTrue(badSize.err().contains("kwarg 'image_size' of ObjectTrackerEnv must be two integers"), badSize.toString());
        Cli malformed = Cli.run("rollout", "CartPole-v1", "--kwarg", "observation");
        assertEquals(2, malformed.status(), malformed.toString());
        assertTrue(malformed.err().contains("--kwarg expects NAME=VALUE"), malformed.toString());
        Cli renderClash = Cli.run("rollout", "CartPole-v1", "--kwarg", "render_mode=human", "--video", dir.toString());
        assertEquals(2, renderClash.status(), renderClash.toString());
        assertTrue(renderClash.err().contains("--video records render_mode rgb_array"), renderClash.toString());
        Cli deterministic = Cli.run("rollout", "CartPole-v1", "--policy", "expert", "--deterministic");
        assertEquals(2, deterministic.status(), deterministic.toString());
        assertTrue(deterministic.err().contains("the expert policy has no mode"), deterministic.toString());
    }

    private List<String> listing() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
