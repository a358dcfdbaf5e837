package cn.lanzhou.epidemic.local.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.lanzhou.epidemic.local.Api;
import cn.lanzhou.epidemic.local.LocalStack;
import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A stack whose credentials endpoint refuses every container's token, as a role that cannot be
 * assumed would in Lambda: every route that needs DynamoDB, S3 or the ID-hash secret answers the
 * generic 500 problem (not a 503 that invites retries), the log says why, and no token or key is in it.
 */
class CredentialsRefusedTest {
    private static LocalStack stack;
    private static Api api;

    @BeforeAll
    static void start() throws Exception {
        stack = LocalStack.start(LocalStack.Options.inMemory().refuseCredentials());
        api = new Api(stack.baseUrl());
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void routesThatNeedAwsAnswerTheGeneric500AndTheLogNamesTheCause() {
        List<Api.Response> answers = List.of(
                api.postJson("/registrations", Samples.write(Samples.registration())),
                api.postJson("/donations", Samples.write(Samples.donation())),
                api.postJson("/reopenings", Samples.write(Samples.reopening())),
                api.send(api.request("/reports").header("Authorization", "Bearer " + stack.staffToken()).GET()));
        for (Api.Response answer : answers) {
            assertEquals(500, answer.status(), answer.body());
            assertTrue(answer.header("Content-Type").orElse("").startsWith("application/problem+json"), answer.body());
            assertTrue(answer.json().path("type").asText().endsWith("internal"), answer.body());
        }

        List<String> logs = stack.functionLogs();
        for (String function : List.of("RegistrationFunction", "DonationFunction", "ReopeningFunction", "ReportsFunction")) {
            assertTrue(logs.stream().anyMatch(l -> l.startsWith("[" + function + "]") && l.contains("Unable to load credentials")),
                    function + " did not log why: " + logs);
        }
        for (String secret : List.of(LocalStack.SECRET_ACCESS_KEY, "local-dev-id-hash-key", "AWS_CONTAINER_AUTHORIZATION_TOKEN")) {
            assertFalse(logs.stream().anyMatch(l -> l.contains(secret)), secret + " reached the log");
        }
    }

    @Test
    void aRouteWithoutAwsStillAnswers() {
        assertEquals(200, api.send(api.request("/districts").GET()).status());
    }
}
