package io.skyport.container.docker;

import com.github.dockerjava.api.async.ResultCallback;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * A stream from the engine (logs, exec output, a stats sample, the event stream) whose failure goes
 * to the caller rather than to the log. docker-java's own adapter logs every failed stream at ERROR,
 * with its stack trace, before the caller learns of it; here a container removed while its stats
 * are sampled or its log is read (a 404), or an event stream cut by the engine's stop, is expected,
 * and the caller decides what it means.
 */
abstract class EngineStream<T> extends ResultCallback.Adapter<T> {
    private static final Logger LOG = LogManager.getLogger(EngineStream.class);
    private volatile Throwable failure;

    @Override
    public void onError(Throwable error) {
        if (failure == null) {
            failure = error;
        }
        try {
            close();
        } catch (IOException e) {
            LOG.debug("closing a failed engine stream: {}", e.toString());
        }
    }

    /** Waits up to {@code seconds} for the stream's end; rethrows what ended it, if it failed. */
    void await(long seconds) throws InterruptedException {
        awaitCompletion(seconds, TimeUnit.SECONDS);
        Throwable error = failure;
        if (error instanceof RuntimeException e) {
            throw e;
        }
        if (error instanceof Error e) {
            throw e;
        }
        if (error != null) {
            throw new IllegalStateException(error.getMessage(), error);
        }
    }
}
