package cn.lanzhou.epidemic.donation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.lanzhou.epidemic.common.json.Json;
import cn.lanzhou.epidemic.common.testing.Requests;
import cn.lanzhou.epidemic.common.testing.Snapshots;
import org.junit.jupiter.api.Test;

/**
 * The handler with its real wiring (this module's test environment, pom.xml: DynamoDB out of
 * reach), through a checkpoint and a restore, then requests. With a reachable DynamoDB this is
 * covered by the local stack's tests.
 */
class SnapStartTest {

    @Test
    void aRestoredHandlerValidatesAndAnswers503WhileDynamoDbIsOutOfReach() throws Exception {
        DonationHandler handler = new DonationHandler();

        Snapshots.checkpointAndRestore();

        assertEquals(400, handler.handleRequest(Requests.route("POST /donations", "/donations").json("{}").build(), null)
                .getStatusCode());
        var unavailable = handler.handleRequest(Requests.route("POST /donations", "/donations")
                .json(Json.write(Fixtures.funds().put("donatedOn", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString())))
                .build(), null);
        assertEquals(503, unavailable.getStatusCode(), unavailable.getBody());
        assertEquals("2", unavailable.getHeaders().get("Retry-After"));
    }
}
