package io.skyport.app.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The one process of a daemon a test runs for itself ({@link PrivateDockerd}, {@link PrivateMariaDb}):
 * started with its output appended to a log file, waited for until it answers, stopped as an
 * operator would. Only the process started here is ever signalled.
 */
final class PrivateDaemonProcess {
    private static final long START_MS = 60_000;
    private final String name;
    private final Path logFile;
    private Process process;

    /** {@code name} is the daemon's program name, as the failures say it. */
    PrivateDaemonProcess(String name, Path logFile) {
        this.name = name;
        this.logFile = logFile;
    }

    /** A port on 127.0.0.1 that was free a moment ago. */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Starts the command and waits up to 60 s until {@code answers}; fails when it exits first. */
    void start(List<String> command, BooleanSupplier answers, String where) throws IOException, InterruptedException {
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
        long deadline = System.currentTimeMillis() + START_MS;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited: " + log());
            }
            if (answers.getAsBoolean()) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " did not answer on " + where + " within 60 s: " + log());
    }

    /** Stops the process as an operator would (SIGTERM) and waits until it has exited. */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** The end of the daemon's log, for failure messages. */
    String log() {
        try {
            String all = Files.readString(logFile);
            return all.length() > 3000 ? all.substring(all.length() - 3000) : all;
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
