package cn.lanzhou.epidemic.reopening;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
        ReopeningHandler handler = new ReopeningHandler();

        Snapshots.checkpointAndRestore();

        assertEquals(400, handler.handleRequest(Requests.route("POST /reopenings", "/reopenings").json("{}").build(), null)
                .getStatusCode());
        var unavailable = handler.handleRequest(Requests.route("GET /reopenings/{id}", "/reopenings/01ARZ3NDEKTSV4RRFFQ69G5FAV")
                .path("id", "01ARZ3NDEKTSV4RRFFQ69G5FAV").build(), null);
        assertEquals(503, unavailable.getStatusCode(), unavailable.getBody());
    }
}
