package io.skyport.app.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a stock client as a separate process with a time limit, capturing its output. */
final class ExternalProcess {
    /** The system interpreter: the one first on PATH may be a private build without Debian's packages. */
    static final String PYTHON = "/usr/bin/python3";

    private ExternalProcess() {
    }

    /** Exit status and output of a finished process (exit -1: it could not be started). */
    record Run(int exit, String stdout, String stderr) {
    }

    /**
     * @param env variables to set; names starting with {@code CLOUDSTACK_} are removed first so
     *            only what the test gives configures a CloudStack client
     */
    static Run run(List<String> cmd, Map<String, String> env, long timeoutSeconds) {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().keySet().removeIf(k -> k.startsWith("CLOUDSTACK_"));
        pb.environment().putAll(env);
        try {
            Path out = Files.createTempFile("skyport-client", ".out");
            Path err = Files.createTempFile("skyport-client", ".err");
            try {
                Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new AssertionError(cmd + " did not finish in " + timeoutSeconds + " s; stderr: "
                            + Files.readString(err, StandardCharsets.UTF_8));
                }
                return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            return new Run(-1, "", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted running " + cmd, e);
        }
    }

    /** Skips (or, in CI, fails) unless the system Python can import {@code module}. */
    static void requirePythonModule(String module, String debianPackage) {
        String why = null;
        if (!Files.isExecutable(Path.of(PYTHON))) {
            why = PYTHON + " not found";
        } else {
            Run probe = run(List.of(PYTHON, "-c", "import " + module), Map.of(), 60);
            if (probe.exit() != 0) {
                why = PYTHON + " cannot import " + module + " (install " + debianPackage + "): "
                        + probe.stderr().strip();
            }
        }
        Live.require(debianPackage, why == null, why);
    }
}
