package cn.lanzhou.epidemic.summary;

import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.lanzhou.epidemic.common.store.BackendUnavailable;
import cn.lanzhou.epidemic.common.testing.Snapshots;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The handler with its real wiring (this module's test environment, pom.xml: DynamoDB and S3 out
 * of reach), through a checkpoint and a restore, then a compilation, which fails as retryable.
 * With a reachable DynamoDB and S3 this is covered by the local stack's tests.
 */
class SnapStartTest {

    @Test
    void aRestoredHandlerReportsTheBackendAsUnavailable() throws Exception {
        SummaryHandler handler = new SummaryHandler();

        Snapshots.checkpointAndRestore();

        assertThrows(BackendUnavailable.class, () -> handler.handleRequest(Map.of("date", "2020-02-13"), null));
    }
}
