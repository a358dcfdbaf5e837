package cn.lanzhou.epidemic.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.lanzhou.epidemic.common.testing.Snapshots;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The handler with its real wiring (this module's test environment, pom.xml: an endpoint where
 * nothing listens, so Secrets Manager and DynamoDB are out of reach), through a checkpoint and a
 * restore, then requests. With a reachable DynamoDB this is covered by the local stack's tests.
 */
class SnapStartTest {

    @Test
    void initSurvivesAnUnreadableKeyAndARequestNeedingItAnswersTheGeneric500() throws Exception {
        RegistrationHandler handler = new RegistrationHandler();

        Snapshots.checkpointAndRestore();

        assertEquals(400, handler.handleRequest(Fixture.json(Fixture.valid().put("consent", false)), null).getStatusCode());
        PrintStream out = System.out;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setOut(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            var response = handler.handleRequest(Fixture.json(Fixture.valid()), null);
            assertEquals(500, response.getStatusCode());
            assertFalse(response.getBody().contains("11010519491231002X"));
        } finally {
            System.setOut(out);
        }
        String lines = log.toString(StandardCharsets.UTF_8);
        assertTrue(lines.contains("ID-hash key unavailable"), lines);
        assertTrue(lines.contains("SdkClientException"), lines);
        assertFalse(lines.contains("11010519491231002X"), lines);
        assertFalse(lines.contains("13800138000"), lines);
    }
}
