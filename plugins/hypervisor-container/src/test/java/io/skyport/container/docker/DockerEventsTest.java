package io.skyport.container.docker;

import static org.junit.Assert.assertEquals;

import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventActor;
import java.util.Map;
import java.util.Optional;
import org.junit.Test;

public class DockerEventsTest {
    private static Event event(String action, Map<String, String> attributes) {
        return new Event().withAction(action).withEventActor(new EventActor().withAttributes(attributes));
    }

    @Test
    public void endOfRunActionsOfSkyportContainersNameTheirVm() {
        Map<String, String> labelled = Map.of("skyport.vm", "vm-1", "name", "skyport-vm-1");
        for (String action : new String[] {"die", "destroy"}) {
            assertEquals(action, Optional.of("vm-1"), DockerEvents.vmOf(event(action, labelled)));
        }
    }

    @Test
    public void actionsThatADieFollowsAreNotNoticesOfTheirOwn() {
        Map<String, String> labelled = Map.of("skyport.vm", "vm-1", "name", "skyport-vm-1");
        for (String action : new String[] {"kill", "stop", "oom"}) {
            assertEquals(action, Optional.empty(), DockerEvents.vmOf(event(action, labelled)));
        }
    }

    @Test
    public void otherActionsAndUnlabelledContainersAreIgnored() {
        assertEquals(Optional.empty(), DockerEvents.vmOf(event("start", Map.of("skyport.vm", "vm-1"))));
        assertEquals(Optional.empty(), DockerEvents.vmOf(event("die", Map.of("name", "other"))));
        assertEquals(Optional.empty(), DockerEvents.vmOf(new Event().withAction("die")));
    }
}
