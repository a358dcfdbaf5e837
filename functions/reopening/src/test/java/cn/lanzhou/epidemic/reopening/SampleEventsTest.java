package cn.lanzhou.epidemic.reopening;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.lanzhou.epidemic.common.json.Json;
import cn.lanzhou.epidemic.common.testing.Events;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fixtures in events/ (also used by {@code sam local invoke}) are what the handler is fed here. */
class SampleEventsTest {
    private static APIGatewayV2HTTPEvent load(String name) {
        return Events.load(name);
    }

    @Test
    void theSampleEventsDriveTheWholeWorkflow() throws Exception {
        ReopeningHandler handler = Fixtures.handler(new InMemoryReopeningApplications());
        var created = handler.handleRequest(load("reopening-post.json"), null);
        assertEquals(201, created.getStatusCode(), created.getBody());
        String id = Json.parseTrusted(created.getBody()).get("id").asText();

        APIGatewayV2HTTPEvent decision = load("reopening-decision.json");
        decision.setPathParameters(Map.of("id", id));
        var decided = handler.handleRequest(decision, null);
        assertEquals(200, decided.getStatusCode(), decided.getBody());
        assertEquals("APPROVED", Json.parseTrusted(decided.getBody()).get("status").asText());

        APIGatewayV2HTTPEvent get = load("reopening-get.json");
        get.setPathParameters(Map.of("id", id));
        assertEquals(200, handler.handleRequest(get, null).getStatusCode());
        assertEquals(404, handler.handleRequest(load("reopening-get.json"), null).getStatusCode());
    }
}
