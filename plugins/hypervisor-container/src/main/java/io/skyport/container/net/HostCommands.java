package io.skyport.container.net;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the machine's network tools ({@code ip}, {@code nft}) for guest networks. An interface so
 * the bridge and firewall logic is tested without touching the machine.
 */
public interface HostCommands {
    record Result(int exitCode, String output) {
        public boolean ok() {
            return exitCode == 0;
        }
    }

    /** Runs the command with {@code stdin} (may be null) and waits for it; a missing tool is exit code 127. */
    Result run(List<String> command, String stdin);

    /** The real tools of this machine. */
    static HostCommands local() {
        return (command, stdin) -> {
            try {
                Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
                try (OutputStream in = p.getOutputStream()) {
                    if (stdin != null) {
                        in.write(stdin.getBytes(StandardCharsets.UTF_8));
                    }
                }
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return new Result(124, command.get(0) + " did not finish within 30 s");
                }
                return new Result(p.exitValue(), out.trim());
            } catch (IOException e) {
                return new Result(127, command.get(0) + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Result(130, command.get(0) + " interrupted");
            }
        };
    }
}
