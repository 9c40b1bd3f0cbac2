package io.skyport.plugin;

import java.nio.file.Path;
import java.util.List;

/**
 * Client configuration a module writes for the admin account created at first start (key files,
 * setup scripts), so that an operator can use the module's API right away. Runs once, on the
 * first start only.
 */
public interface FirstStartClientSetup {
    /**
     * @param home    the server's data directory; write under a directory of the module's own
     * @param baseUrl the server's public base URL, without a trailing slash
     * @param admin   the admin created at first start
     * @return lines the start banner prints (what was written and how to use it)
     */
    List<String> write(Path home, String baseUrl, CallContext admin);
}
