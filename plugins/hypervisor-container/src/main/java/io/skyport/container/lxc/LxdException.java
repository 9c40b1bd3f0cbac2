package io.skyport.container.lxc;

/**
 * An LXD request that failed: the daemon's own error text (or why it could not be reached), the
 * request it answered, and its error code (HTTP-like; 0 when the daemon was not reached).
 */
public class LxdException extends RuntimeException {
    private final int code;

    public LxdException(int code, String message) {
        super(message);
        this.code = code;
    }

    public LxdException(String message, Throwable cause) {
        super(message, cause);
        this.code = 0;
    }

    public int code() {
        return code;
    }

    public boolean notFound() {
        return code == 404;
    }
}
