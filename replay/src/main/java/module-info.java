/**
 * The gymref trajectory format: {@link dev.gym4j.replay.TrajectoryReplayer} replays the resets and actions of
 * a JSON-lines file through {@code Gym.make}, {@link dev.gym4j.replay.TrajectoryComparison} compares a replay
 * with the file bit for bit (or within a tolerance). Its JSON reader and writer keep every float exact
 * (Python's {@code repr} on output; parsing is Jackson's) and are internal, shared only with the command line.
 */
module dev.gym4j.replay {
    requires transitive dev.gym4j.api;
    requires com.fasterxml.jackson.core;

    exports dev.gym4j.replay;
    exports dev.gym4j.replay.internal.json to dev.gym4j.worker, dev.gym4j.trainer;
}
