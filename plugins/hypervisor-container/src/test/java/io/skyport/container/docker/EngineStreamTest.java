package io.skyport.container.docker;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.fail;

import com.github.dockerjava.api.exception.NotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

public class EngineStreamTest {
    private static final class Collecting extends EngineStream<String> {
        final List<String> items = new ArrayList<>();

        @Override
        public void onNext(String item) {
            items.add(item);
        }
    }

    @Test
    public void aFailedStreamEndsAtOnceAndItsCallerGetsTheFailure() throws Exception {
        Collecting stream = new Collecting();
        stream.onNext("first");
        NotFoundException gone = new NotFoundException("No such container: skyport-x");
        stream.onError(gone);
        try {
            // the failure ended the stream: no wait for the timeout
            stream.await(60);
            fail("the failure is the caller's");
        } catch (NotFoundException e) {
            assertSame(gone, e);
        }
        assertEquals(List.of("first"), stream.items);
    }

    @Test
    public void aCheckedFailureReachesTheCallerWrapped() throws Exception {
        Collecting stream = new Collecting();
        IOException broken = new IOException("connection reset");
        stream.onError(broken);
        try {
            stream.await(60);
            fail("the failure is the caller's");
        } catch (IllegalStateException e) {
            assertSame(broken, e.getCause());
        }
    }

    @Test
    public void aStreamThatEndsWellReturns() throws Exception {
        Collecting stream = new Collecting();
        stream.onNext("a");
        stream.onComplete();
        stream.await(60);
        assertEquals(List.of("a"), stream.items);
    }
}
