package cn.lanzhou.epidemic.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.lanzhou.epidemic.common.testing.Requests;
import cn.lanzhou.epidemic.common.testing.Snapshots;
import org.junit.jupiter.api.Test;

/**
 * The handler with its real wiring (this module's test environment, pom.xml: S3, DynamoDB and
 * Lambda out of reach), through a checkpoint and a restore, then requests.
 */
class SnapStartTest {

    @Test
    void aRestoredHandlerChecksTheCallerAndAnswers503WhileS3IsOutOfReach() throws Exception {
        ReportsHandler handler = new ReportsHandler();

        Snapshots.checkpointAndRestore();

        assertEquals(401, handler.handleRequest(Requests.route("GET /reports", "/reports").build(), null).getStatusCode());
        var unavailable = handler.handleRequest(Requests.route("GET /reports", "/reports").staff("staff-1").build(), null);
        assertEquals(503, unavailable.getStatusCode(), unavailable.getBody());
    }
}
