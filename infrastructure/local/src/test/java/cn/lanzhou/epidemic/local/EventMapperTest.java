package cn.lanzhou.epidemic.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventMapperTest {
    private static final Instant NOW = Instant.parse("2020-02-13T16:00:00Z");

    private static APIGatewayV2HTTPEvent post(String contentType, String body) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of(contentType));
        headers.put("Accept", List.of("text/html", "application/json"));
        headers.put("Host", List.of("localhost:3000"));
        HttpRequest request = new HttpRequest("POST", "/registrations", "a=1&a=2&b=%E4%B8%AD", headers,
                body.getBytes(StandardCharsets.UTF_8), "127.0.0.1", "HTTP/1.1");
        return EventMapper.toEvent(request, "POST /registrations", Map.of(), null, NOW);
    }

    @Test
    void aFormPostIsBase64EncodedAsApiGatewayDoes() {
        APIGatewayV2HTTPEvent event = post("application/x-www-form-urlencoded", "name=%E5%BC%A0&consent=on");

        assertTrue(event.getIsBase64Encoded());
        assertEquals("name=%E5%BC%A0&consent=on", new String(Base64.getDecoder().decode(event.getBody()), StandardCharsets.UTF_8));
    }

    @Test
    void aJsonBodyIsPassedAsText() {
        APIGatewayV2HTTPEvent event = post("application/json; charset=utf-8", "{\"name\":\"张\"}");

        assertFalse(event.getIsBase64Encoded());
        assertEquals("{\"name\":\"张\"}", event.getBody());
    }

    @Test
    void textTypesAreTextAndEverythingElseIsBinary() {
        assertTrue(EventMapper.isText("text/csv"));
        assertTrue(EventMapper.isText("application/xml"));
        assertTrue(EventMapper.isText("application/javascript"));
        assertFalse(EventMapper.isText("application/x-www-form-urlencoded"));
        assertFalse(EventMapper.isText("multipart/form-data; boundary=x"));
        assertFalse(EventMapper.isText(null));
    }

    @Test
    void headersAreLowerCasedAndRepeatedValuesJoinedWithCommas() {
        APIGatewayV2HTTPEvent event = post("application/json", "{}");

        assertEquals("text/html,application/json", event.getHeaders().get("accept"));
        assertEquals("application/json", event.getHeaders().get("content-type"));
    }

    @Test
    void repeatedQueryParametersAreJoinedAndDecoded() {
        APIGatewayV2HTTPEvent event = post("application/json", "{}");

        assertEquals("a=1&a=2&b=%E4%B8%AD", event.getRawQueryString());
        assertEquals(Map.of("a", "1,2", "b", "中"), event.getQueryStringParameters());
    }

    @Test
    void theRequestContextIsFilledAsOnAws() {
        APIGatewayV2HTTPEvent.RequestContext context = post("application/json", "{}").getRequestContext();

        assertEquals("POST /registrations", context.getRouteKey());
        assertEquals("$default", context.getStage());
        assertEquals("13/Feb/2020:16:00:00 +0000", context.getTime());
        assertEquals(NOW.toEpochMilli(), context.getTimeEpoch());
        assertEquals("localhost:3000", context.getDomainName());
        assertEquals("127.0.0.1", context.getHttp().getSourceIp());
        assertEquals("HTTP/1.1", context.getHttp().getProtocol());
        assertNull(context.getAuthorizer());
    }

    @Test
    void arrayClaimsAreFlattenedAsApiGatewayDoes() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", "s");
        claims.put("cognito:groups", List.of("staff", "admin"));
        claims.put("exp", 1700000000L);

        assertEquals(Map.of("sub", "s", "cognito:groups", "[staff admin]", "exp", "1700000000"), EventMapper.flatten(claims));
    }
}
