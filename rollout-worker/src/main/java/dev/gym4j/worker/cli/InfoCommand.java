package dev.gym4j.worker.cli;

import dev.gym4j.Gym;
import dev.gym4j.api.Env;
import dev.gym4j.replay.internal.json.GymJson;
import dev.gym4j.replay.internal.json.Json;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gym4j info ENV}: spaces, spec and metadata as one JSON object. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = {"Prints one JSON object: id, observation_space, action_space (in the format of the reference "
            + "data's header lines), spec and metadata."})
final class InfoCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ENV", description = "a registered env id, such as CartPole-v1")
    private String envId;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.println(Json.write(describe(envId)));
        out.flush();
        return 0;
    }

    /**
     * @param id a registered id
     * @return the info object
     */
    static Map<String, Object> describe(String id) {
        try (Env<?, ?> env = Gym.make(id)) {
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("id", env.spec() != null ? env.spec().id() : id);
            info.put("observation_space", GymJson.space(env.observationSpace()));
            info.put("action_space", GymJson.space(env.actionSpace()));
            info.put("spec", GymJson.spec(env.spec() != null ? env.spec() : Gym.spec(id)));
            info.put("metadata", GymJson.writable(env.metadata()));
            return info;
        }
    }
}
