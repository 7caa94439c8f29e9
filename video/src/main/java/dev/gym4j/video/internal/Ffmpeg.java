package dev.gym4j.video.internal;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds an {@code ffmpeg} executable. Stateless and thread-safe. */
public final class Ffmpeg {

    private Ffmpeg() {
    }

    /**
     * @return the first executable named {@code ffmpeg} in a directory of the {@code PATH} environment variable
     */
    public static Optional<Path> onPath() {
        String path = System.getenv("PATH");
        if (path == null || path.isEmpty()) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, "ffmpeg");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
