package cn.lanzhou.epidemic.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalStackExtension.class)
class GatewayProblemsTest {

    @Test
    void anUnknownPathIsA404Problem(Api api) {
        Api.Response response = api.get("/no-such-thing");

        assertEquals(404, response.status());
        assertEquals("application/problem+json", response.contentType());
        assertEquals(404, response.json().get("status").intValue());
        assertTrue(response.json().get("title").asText().contains(" / "));
        assertTrue(response.json().has("type"));
        assertTrue(response.json().has("detail"));
    }

    @Test
    void aKnownPathWithTheWrongMethodIsA405ProblemWithAllow(Api api) {
        Api.Response response = api.send(api.request("/districts").DELETE());

        assertEquals(405, response.status());
        assertEquals("application/problem+json", response.contentType());
        assertEquals("GET", response.header("Allow").orElseThrow());
        assertEquals(405, response.json().get("status").intValue());
    }

    @Test
    void aPreflightFromAnAllowedOriginIsAnswered(Api api) {
        String origin = "http://localhost:" + api.baseUrl().getPort();
        Api.Response response = api.send(api.request("/registrations")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,idempotency-key"));

        assertEquals(204, response.status());
        assertEquals(origin, response.header("Access-Control-Allow-Origin").orElseThrow());
        assertTrue(response.header("Access-Control-Allow-Methods").orElseThrow().contains("POST"));
        assertTrue(response.header("Access-Control-Allow-Headers").orElseThrow().contains("idempotency-key"));
        assertEquals("600", response.header("Access-Control-Max-Age").orElseThrow());
    }

    @Test
    void responsesToAnAllowedOriginCarryCorsHeadersAndOthersDoNot(Api api) {
        String origin = "http://localhost:" + api.baseUrl().getPort();
        Api.Response allowed = api.send(api.request("/districts").header("Origin", origin));
        Api.Response foreign = api.send(api.request("/districts").header("Origin", "https://evil.example"));

        assertEquals(origin, allowed.header("Access-Control-Allow-Origin").orElseThrow());
        assertTrue(allowed.header("Access-Control-Expose-Headers").orElseThrow().contains("idempotency-replayed"));
        assertFalse(foreign.header("Access-Control-Allow-Origin").isPresent());
    }
}
