package cn.lanzhou.epidemic.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.lanzhou.epidemic.common.testing.Events;
import cn.lanzhou.epidemic.local.runtime.Outcome;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every function of template.yaml, from its deployment jar, through Lambda's runtime interface client
 * in a container of its own, with a harmless event: it must answer (not fail at init), so that a jar
 * that misses a class, a wrong handler name, or a function that cannot find its credentials or its
 * secret fails here rather than in AWS.
 */
@ExtendWith(LocalStackExtension.class)
class EveryDeploymentJarTest {
    /** The event for each function and the status its answer must carry (null: not an API function). */
    private record Probe(String payload, Integer status) {
    }

    private static Map<String, Probe> probes() throws Exception {
        return Map.of(
                "DistrictsFunction", new Probe(apiEvent("reports-get.json", "GET /districts", "/districts", null, false), 200),
                "RegistrationFunction", new Probe(withBody("registration-post.json", "{}"), 400),
                "DonationFunction", new Probe(withBody("donation-funds.json", "{}"), 400),
                "ReopeningFunction", new Probe(Events.text("reopening-get.json"), 404),
                "FollowUpFunction", new Probe(Events.text("observation-get.json"), 404),
                // the list, whatever other tests compiled: it reads S3 with the container's credentials
                "ReportsFunction", new Probe(apiEvent("reports-get.json", "GET /reports", "/reports", null, true), 200),
                "SummaryFunction", new Probe("{\"date\":\"2020-02-13\"}", null));
    }

    @Test
    void everyFunctionAnswersFromItsDeploymentJarThroughTheRuntimeInterfaceClient(LocalStack stack) throws Exception {
        Map<String, Probe> probes = probes();
        assertEquals(stack.template().functions().stream().map(Template.Function::id).collect(Collectors.toCollection(TreeSet::new)),
                new TreeSet<>(probes.keySet()), "every function of the template has a probe here");

        Map<String, String> failures = new java.util.TreeMap<>();
        for (var entry : probes.entrySet()) {
            Outcome outcome = stack.functions().invoke(entry.getKey(), entry.getValue().payload().getBytes(StandardCharsets.UTF_8));
            String problem = problem(outcome, entry.getValue().status());
            if (problem != null) {
                failures.put(entry.getKey(), problem);
            }
        }
        assertEquals(Map.of(), failures);

        // SnapStart as the managed runtime runs it: after init the runtime client ran the beforeCheckpoint
        // hooks (priming through the SDK, a handler invocation that writes nothing), asked for the restore
        // and ran the afterRestore hooks; then the probe above was the first real request
        for (Template.Function function : stack.template().functions()) {
            if (!function.snapStart()) {
                continue;
            }
            List<String> lines = stack.functionLogs().stream().filter(l -> l.startsWith("[" + function.id() + "]")).toList();
            assertTrue(lines.stream().anyMatch(l -> l.contains("\"message\":\"primed\"")), function.id() + " was not primed: " + lines);
            assertTrue(lines.stream().noneMatch(l -> l.contains("priming failed")), function.id() + ": " + lines);
            assertTrue(lines.stream().anyMatch(l -> l.contains("\"message\":\"restored\"")), function.id() + " was not restored: " + lines);
        }
    }

    private static String problem(Outcome outcome, Integer expectedStatus) throws Exception {
        if (outcome instanceof Outcome.Failure failure) {
            return failure.errorType() + ": " + failure.errorJson();
        }
        JsonNode answer = LocalJson.MAPPER.readTree(assertInstanceOf(Outcome.Answer.class, outcome).payload());
        if (expectedStatus != null && answer.path("statusCode").asInt() != expectedStatus) {
            return "status " + answer.path("statusCode").asInt() + " instead of " + expectedStatus + ": " + answer.path("body").asText();
        }
        return null;
    }

    private static String withBody(String event, String body) throws Exception {
        ObjectNode json = (ObjectNode) LocalJson.MAPPER.readTree(Events.text(event));
        json.put("body", body).put("isBase64Encoded", false);
        ((ObjectNode) json.get("headers")).remove("content-length");
        return json.toString();
    }

    /** A sample event re-aimed at another route, with the authorizer left out for a public one. */
    private static String apiEvent(String sample, String routeKey, String path, String body, boolean staff) throws Exception {
        ObjectNode json = (ObjectNode) LocalJson.MAPPER.readTree(Events.text(sample));
        json.put("routeKey", routeKey).put("rawPath", path);
        json.remove("pathParameters");
        ObjectNode context = (ObjectNode) json.get("requestContext");
        context.put("routeKey", routeKey);
        ((ObjectNode) context.get("http")).put("method", routeKey.split(" ")[0]).put("path", path);
        if (!staff) {
            context.remove("authorizer");
            ((ObjectNode) json.get("headers")).remove("authorization");
        }
        if (body != null) {
            json.put("body", body);
        }
        return json.toString();
    }

    @Test
    void aContainersEnvironmentHasNoAccessKeyAndTheStacksProcessEnvironmentMatchesIt(LocalStack stack) {
        for (Template.Function function : stack.template().functions()) {
            Map<String, String> env = stack.containerSpec(function.id()).environment();
            assertTrue(env.keySet().stream().noneMatch(name -> name.equals("AWS_ACCESS_KEY_ID") || name.equals("AWS_SECRET_ACCESS_KEY")
                    || name.equals("AWS_SESSION_TOKEN") || name.equals("LOCAL_STACK") || name.endsWith("_ENDPOINT")), function.id() + ": " + env.keySet());
            Map<String, String> process = stack.processEnvironment(function.id());
            assertTrue(process.entrySet().containsAll(env.entrySet()));
            assertTrue(process.containsKey("AWS_CONTAINER_AUTHORIZATION_TOKEN"));
        }
        assertTrue(stack.containerSpec("RegistrationFunction").environment().get("ID_HASH_SECRET_ARN").startsWith("arn:aws:secretsmanager:"));
    }

}
