package cn.lanzhou.epidemic.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApiGatewayEmulatorTest {
    private static GatewayHarness gateway;

    @BeforeAll
    static void start() throws Exception {
        gateway = new GatewayHarness();
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @BeforeEach
    void forgetEarlierEvents() {
        gateway.events.clear();
        gateway.invocations.clear();
        gateway.rawEvents.clear();
    }

    private APIGatewayV2HTTPEvent lastEvent() throws InterruptedException {
        APIGatewayV2HTTPEvent event = gateway.events.poll(5, TimeUnit.SECONDS);
        assertNotNull(event, "the function was not invoked");
        return event;
    }

    @Test
    void aValidStaffTokenPassesItsClaimsToTheFunctionAsApiGatewayFlattensThem() throws Exception {
        String token = Tokens.mint("staff-7", List.of("staff", "admin"), java.time.Duration.ofMinutes(5));

        Api.Response response = gateway.api.get("/reports?limit=5&limit=6", token);

        assertEquals(201, response.status());
        APIGatewayV2HTTPEvent event = lastEvent();
        Map<String, String> claims = event.getRequestContext().getAuthorizer().getJwt().getClaims();
        assertEquals("staff-7", claims.get("sub"));
        assertEquals("[staff admin]", claims.get("cognito:groups"));
        assertTrue(claims.get("exp").matches("\\d+"));
        assertEquals("GET /reports", event.getRouteKey());
        assertEquals("5,6", event.getQueryStringParameters().get("limit"));
        assertEquals("limit=5&limit=6", event.getRawQueryString());
    }

    @Test
    void aProtectedRouteWithoutTokenNeverReachesTheFunction() throws Exception {
        assertEquals(401, gateway.api.get("/reports").status());
        assertNull(gateway.events.poll(200, TimeUnit.MILLISECONDS));
    }

    @Test
    void aRequestBecomesAPayload2EventWithPathParametersHeadersAndCookies() throws Exception {
        gateway.api.send(gateway.api.request("/reopenings/abc%20def?x=1")
                .header("Cookie", "session=1; theme=dark")
                .header("X-Custom", "One")
                .GET());

        APIGatewayV2HTTPEvent event = lastEvent();
        assertEquals("2.0", event.getVersion());
        assertEquals("GET /reopenings/{id}", event.getRouteKey());
        assertEquals("/reopenings/abc%20def", event.getRawPath());
        assertEquals(Map.of("id", "abc def"), event.getPathParameters());
        assertEquals(List.of("session=1", "theme=dark"), event.getCookies());
        assertEquals("One", event.getHeaders().get("x-custom"));
        assertFalse(event.getHeaders().containsKey("cookie"));
        assertEquals("$default", event.getRequestContext().getStage());
        assertEquals("GET", event.getRequestContext().getHttp().getMethod());
        assertEquals("/reopenings/abc%20def", event.getRequestContext().getHttp().getPath());
        assertNotNull(event.getRequestContext().getRequestId());
        assertTrue(event.getRequestContext().getTimeEpoch() > 0);
        assertNull(event.getRequestContext().getAuthorizer(), "a public route has no authorizer context");
    }

    @Test
    void aFormPostReachesTheFunctionBase64EncodedAndJsonDoesNot() throws Exception {
        gateway.api.postForm("/reopenings", Map.of("name", "张三"));
        APIGatewayV2HTTPEvent form = lastEvent();
        gateway.api.postJson("/reopenings", "{\"name\":\"张三\"}");
        APIGatewayV2HTTPEvent json = lastEvent();

        assertTrue(form.getIsBase64Encoded());
        assertEquals("name=%E5%BC%A0%E4%B8%89", new String(Base64.getDecoder().decode(form.getBody()), StandardCharsets.UTF_8));
        assertFalse(json.getIsBase64Encoded());
        assertEquals("{\"name\":\"张三\"}", json.getBody());
    }

    @Test
    void theFunctionsResponseIsWrittenBackWithCookiesAndDecodedBody() {
        Api.Response response = gateway.api.get("/districts");

        assertEquals(201, response.status());
        assertEquals("好", response.body());
        assertEquals("DistrictsFunction", response.header("X-Function").orElseThrow());
        assertEquals(List.of("a=1; Path=/", "b=2; Path=/"), response.headers().allValues("Set-Cookie"));
    }

    @Test
    void aFunctionThatThrowsIsA500WithApiGatewaysGenericBody() {
        Api.Response response = gateway.api.postJson("/registrations", "{}");

        assertEquals(500, response.status());
        assertEquals("{\"message\":\"Internal Server Error\"}", response.body());
    }

    @Test
    void anAsynchronousLambdaInvokeAnswers202AndRunsTheFunctionWithThePayload() throws Exception {
        Api.Response response = gateway.lambdaApi.invoke("arn:aws:lambda:us-east-1:000000000000:function:SummaryFunction:live",
                "Event", "{\"date\":\"2020-02-13\"}");

        assertEquals(202, response.status());
        assertEquals(Map.of("date", "2020-02-13"), gateway.invocations.poll(5, TimeUnit.SECONDS));
    }

    @Test
    void aRequestResponseLambdaInvokeAnswersTheResult() {
        Api.Response response = gateway.lambdaApi.invoke("SummaryFunction", "RequestResponse", "{\"date\":\"2020-02-14\"}");

        assertEquals(200, response.status());
        assertEquals("2020-02-14", response.json().get("compiled").asText());
    }

    @Test
    void invokingAnUnknownFunctionIs404() {
        Api.Response response = gateway.lambdaApi.invoke("Nope", "RequestResponse", "{}");

        assertEquals(404, response.status());
    }

    @Test
    void theApiPortDoesNotServeLambdaInvoke() {
        Api.Response response = gateway.api.invoke("SummaryFunction", "RequestResponse", "{}");

        assertEquals(404, response.status());
        assertTrue(gateway.invocations.isEmpty());
    }

    @Test
    void aLambdaInvokeSignedWithAnotherKeyIsRefused() {
        Api.Response response = gateway.lambdaApi.invoke("SummaryFunction", "RequestResponse", "{}", "AKIAOTHERKEY", "other-secret");

        assertEquals(403, response.status());
        assertTrue(gateway.invocations.isEmpty());
    }

    @Test
    void aLambdaInvokeWithTheRightKeyButAWrongSignatureIsRefused() {
        Api.Response response = gateway.lambdaApi.invoke("SummaryFunction", "RequestResponse", "{}", LocalStack.ACCESS_KEY_ID,
                "not-the-secret");

        assertEquals(403, response.status());
        assertTrue(gateway.invocations.isEmpty());
    }

    @Test
    void anUnsignedLambdaInvokeIsRefused() {
        Api.Response response = gateway.lambdaApi.send(gateway.lambdaApi.request("/2015-03-31/functions/SummaryFunction/invocations")
                .header("X-Amz-Invocation-Type", "RequestResponse").POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertEquals(403, response.status());
        assertTrue(gateway.invocations.isEmpty());
    }

    @Test
    void theEventIsTheJsonOfPayloadFormat2WithApiGatewaysFieldNames() throws Exception {
        gateway.api.get("/districts?b=2&a=1");

        var event = LocalJson.MAPPER.readTree(gateway.rawEvents.poll(5, TimeUnit.SECONDS));
        assertEquals("2.0", event.get("version").asText());
        assertEquals("GET /districts", event.get("routeKey").asText());
        assertEquals("/districts", event.get("rawPath").asText());
        assertEquals("b=2&a=1", event.get("rawQueryString").asText());
        assertEquals("1", event.get("queryStringParameters").get("a").asText());
        assertFalse(event.get("isBase64Encoded").asBoolean());
        var context = event.get("requestContext");
        for (String field : List.of("accountId", "apiId", "domainName", "requestId", "routeKey", "stage", "time", "timeEpoch")) {
            assertTrue(context.has(field), field);
        }
        assertEquals("GET", context.get("http").get("method").asText());
        assertTrue(context.get("http").has("sourceIp"));
        assertFalse(event.has("body"));
        assertFalse(event.has("pathParameters"));
    }

    @Test
    void staticFilesNeverEscapeTheWebFolder() {
        assertEquals(404, gateway.api.get("/..%2F..%2Ftemplate.yaml").status());
        assertEquals(404, gateway.api.get("/../../pom.xml").status());
    }
}
