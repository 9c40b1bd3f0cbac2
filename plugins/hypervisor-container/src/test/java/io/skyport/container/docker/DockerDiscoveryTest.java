package io.skyport.container.docker;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.mockito.Mockito.mock;

import io.skyport.container.net.HostCommands;
import io.skyport.core.config.ServerConfig;
import io.skyport.core.infra.ClusterDao;
import io.skyport.core.infra.HostDao;
import io.skyport.core.infra.InfraService;
import io.skyport.core.infra.PodDao;
import io.skyport.core.infra.ZoneDao;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.Test;

public class DockerDiscoveryTest {
    private static DockerDiscovery discovery(Map<String, String> config, String uid, boolean nft) {
        HostCommands commands = (command, stdin) -> switch (command.get(0)) {
            case "id" -> new HostCommands.Result(0, uid + "\n");
            case "nft" -> new HostCommands.Result(nft ? 0 : 127, nft ? "nftables v1.0.6" : "nft: not found");
            default -> throw new AssertionError("unexpected command " + command);
        };
        return new DockerDiscovery(mock(DockerDriver.class), mock(InfraService.class), mock(ZoneDao.class),
                mock(PodDao.class), mock(ClusterDao.class), mock(HostDao.class),
                ServerConfig.of(Path.of("/nonexistent"), config), commands);
    }

    @Test
    public void theLocalEngineIsBridgedWhenTheServerIsRootWithNft() {
        assertTrue(discovery(Map.of(), "0", true).canBridge());
        assertFalse("not root: no bridges can be made", discovery(Map.of(), "1000", true).canBridge());
        assertFalse("no nft: no security groups could be enforced", discovery(Map.of(), "0", false).canBridge());
        assertFalse("turned off", discovery(Map.of(DockerDiscovery.NETWORKING, "false"), "0", true).canBridge());
        Map<String, String> remote = new HashMap<>(Map.of(DockerDiscovery.URL, "tcp://198.18.0.5:2375"));
        assertFalse("an engine elsewhere: the bridge would be made on the wrong machine",
                discovery(remote, "0", true).canBridge());
    }
}
