package cn.lanzhou.epidemic.common.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.lanzhou.epidemic.common.json.Json;
import cn.lanzhou.epidemic.common.testing.Requests;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The event and answer as JSON (payload format 2.0), read and written by the handlers' stream path. */
class GatewayJsonTest {
    /** An event as API Gateway documents it, with the fields a JWT route gets and some the handlers never read. */
    private static final String EVENT = """
            {"version":"2.0","routeKey":"POST /observations/{id}/checks","rawPath":"/observations/OB1/checks",
             "rawQueryString":"lang=en&x=1","cookies":["a=1","b=2"],
             "headers":{"content-type":"application/json","accept-language":"en"},
             "queryStringParameters":{"lang":"en","x":"1"},
             "requestContext":{"accountId":"123456789012","apiId":"api-id",
               "authentication":{"clientCert":{"clientCertPem":"CERT","validity":{"notAfter":"x"}}},
               "authorizer":{"jwt":{"claims":{"sub":"u-1","cognito:groups":"[staff tracer]","exp":1767225600},
                 "scopes":["openid"]},"lambda":{"nested":{"deep":[1,2]}}},
               "domainName":"id.execute-api.cn-northwest-1.amazonaws.com.cn","domainPrefix":"id",
               "http":{"method":"POST","path":"/observations/OB1/checks","protocol":"HTTP/1.1",
                 "sourceIp":"192.0.2.1","userAgent":"agent"},
               "requestId":"id-1","routeKey":"POST /observations/{id}/checks","stage":"$default",
               "time":"12/Mar/2020:19:03:58 +0000","timeEpoch":1583348638390},
             "body":"{\\"slot\\":\\"AM\\",\\"名\\":\\"体温\\"}","pathParameters":{"id":"OB1"},
             "isBase64Encoded":false,"stageVariables":{"s":"v"},"somethingNew":{"a":[{}]}}
            """;

    @Test
    void everyFieldAHandlerReadsArrivesAndUnknownOnesAreSkipped() throws IOException {
        APIGatewayV2HTTPEvent event = read(EVENT);
        assertEquals("POST /observations/{id}/checks", event.getRouteKey());
        assertEquals("/observations/OB1/checks", event.getRawPath());
        assertEquals("lang=en&x=1", event.getRawQueryString());
        assertEquals(List.of("a=1", "b=2"), event.getCookies());
        assertEquals(Map.of("content-type", "application/json", "accept-language", "en"), event.getHeaders());
        assertEquals(Map.of("lang", "en", "x", "1"), event.getQueryStringParameters());
        assertEquals(Map.of("id", "OB1"), event.getPathParameters());
        assertEquals("{\"slot\":\"AM\",\"名\":\"体温\"}", event.getBody());
        assertFalse(event.getIsBase64Encoded());
        var context = event.getRequestContext();
        assertEquals("id-1", context.getRequestId());
        assertEquals("POST", context.getHttp().getMethod());
        assertEquals("192.0.2.1", context.getHttp().getSourceIp());
        assertEquals(1583348638390L, context.getTimeEpoch());
        // API Gateway passes claims as strings; a number is read as its text
        assertEquals(Map.of("sub", "u-1", "cognito:groups", "[staff tracer]", "exp", "1767225600"),
                context.getAuthorizer().getJwt().getClaims());
        assertEquals(List.of("openid"), context.getAuthorizer().getJwt().getScopes());

        ApiRequest request = new ApiRequest(event);
        assertEquals("u-1", request.claims().get("sub"));
        assertEquals("en", request.query("lang").orElseThrow());
    }

    @Test
    void aPublicRouteHasNoAuthorizerAndNullsStayNull() throws IOException {
        APIGatewayV2HTTPEvent event = read("""
                {"version":"2.0","routeKey":"GET /districts","rawPath":"/districts","rawQueryString":"",
                 "headers":{"host":"h"},"queryStringParameters":null,"requestContext":{"http":{"method":"GET"}},
                 "isBase64Encoded":true,"body":"e30="}""");
        assertNull(event.getQueryStringParameters());
        assertNull(event.getRequestContext().getAuthorizer());
        assertTrue(event.getIsBase64Encoded());
        assertEquals(Map.of(), new ApiRequest(event).claims());
    }

    @Test
    void whatIsNotAnEventObjectIsRefused() {
        assertThrows(IOException.class, () -> read("[]"));
        assertThrows(IOException.class, () -> read("{\"headers\":[1]}"));
    }

    @Test
    void theAnswerIsWrittenAsApiGatewayReadsIt() throws IOException {
        APIGatewayV2HTTPResponse response = APIGatewayV2HTTPResponse.builder()
                .withStatusCode(422)
                .withHeaders(Map.of("Content-Type", "application/problem+json"))
                .withCookies(List.of("c=1"))
                .withBody("{\"title\":\"字段错误 \\\"x\\\"\"}")
                .build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GatewayJson.write(response, out);
        JsonNode json = Json.parseTrusted(out.toString(StandardCharsets.UTF_8));
        assertEquals(422, json.get("statusCode").asInt());
        assertEquals("application/problem+json", json.get("headers").get("Content-Type").asText());
        assertEquals("c=1", json.get("cookies").get(0).asText());
        assertEquals(response.getBody(), json.get("body").asText());
        assertFalse(json.get("isBase64Encoded").asBoolean());
    }

    @Test
    void theStreamPathAnswersAsTheEventPathDoes() throws IOException {
        ApiHandlerTest.EchoHandler handler = new ApiHandlerTest.EchoHandler();
        APIGatewayV2HTTPEvent event = Requests.route("POST /echo", "/echo").json("{\"name\":\"林\"}").build();
        APIGatewayV2HTTPResponse direct = handler.handleRequest(event, null);

        ByteArrayOutputStream eventJson = new ByteArrayOutputStream();
        try (var g = GatewayJson.generator(eventJson)) {
            g.writeStartObject();
            g.writeStringField("routeKey", event.getRouteKey());
            g.writeStringField("rawPath", event.getRawPath());
            GatewayJson.writeMap(g, "headers", event.getHeaders());
            g.writeStringField("body", event.getBody());
            g.writeBooleanField("isBase64Encoded", false);
            g.writeEndObject();
        }
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(eventJson.toByteArray()), answer, null);
        JsonNode streamed = Json.parseTrusted(answer.toString(StandardCharsets.UTF_8));
        assertEquals(201, streamed.get("statusCode").asInt());
        assertEquals(direct.getStatusCode(), streamed.get("statusCode").asInt());
        assertEquals(direct.getBody(), streamed.get("body").asText());
        assertEquals(direct.getHeaders().get("Content-Type"), streamed.get("headers").get("Content-Type").asText());
    }

    @Test
    void aPrimingRequestIsAnEventTheHandlerReadsBackAsSent() throws IOException {
        SampleRequest sample = SampleRequest.get("GET /observations/{id}", "/observations/X", Map.of("id", "X"),
                Map.of("sub", "priming", "cognito:groups", "[staff]"));
        APIGatewayV2HTTPEvent event = GatewayJson.read(new ByteArrayInputStream(sample.eventJson()));
        ApiRequest request = new ApiRequest(event);
        assertEquals("GET", request.method());
        assertEquals("GET /observations/{id}", request.routeKey());
        assertEquals("X", request.pathParameter("id").orElseThrow());
        assertEquals("priming", request.claims().get("sub"));
        assertEquals("priming", request.requestId());
        assertEquals(0, request.bodyBytes().length);

        ApiRequest invalid = new ApiRequest(GatewayJson.read(new ByteArrayInputStream(SampleRequest.invalidPost().eventJson())));
        assertEquals("POST", invalid.method());
        assertEquals("{}", invalid.bodyText());
        assertEquals(Map.of(), invalid.claims());
    }

    private static APIGatewayV2HTTPEvent read(String json) throws IOException {
        return GatewayJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
