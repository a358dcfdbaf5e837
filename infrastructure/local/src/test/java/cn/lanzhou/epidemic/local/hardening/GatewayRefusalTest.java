package cn.lanzhou.epidemic.local.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.lanzhou.epidemic.local.Api;
import cn.lanzhou.epidemic.local.LocalStackExtension;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the HTTP fuzzer found: the JDK's HTTP server answered some URLs itself, in HTML, before the
 * gateway emulation ran (400 "URISyntaxException thrown", 404 "No context found"). API Gateway answers
 * such requests {@code {"message": ...}} (openapi.yaml: components/responses/GatewayRefusal).
 */
@ExtendWith(LocalStackExtension.class)
class GatewayRefusalTest {

    @Test
    void aBadPercentEscapeInThePathIsApiGateways400MessageNotAnHtmlPage(Api api) throws IOException {
        assertGatewayMessage(api, "GET", "/reopenings/%zz", 400, "Bad Request");
        assertGatewayMessage(api, "POST", "/reopenings/01ARZ3NDEKTSV4RRFFQ69G5FAV/decision%", 400, "Bad Request");
    }

    @Test
    void aBadPercentEscapeInTheQueryIsApiGateways400Message(Api api) throws IOException {
        assertGatewayMessage(api, "GET", "/reports?limit=%E", 400, "Bad Request");
    }

    @Test
    void aPathStartingWithTwoSlashesIsApiGateways404MessageNotAnHtmlPage(Api api) throws IOException {
        assertGatewayMessage(api, "GET", "//districts", 404, "Not Found");
        assertGatewayMessage(api, "POST", "//registrations", 404, "Not Found");
    }

    @Test
    void aCharacterNoUrlHoldsIsApiGateways400Message(Api api) throws IOException {
        assertGatewayMessage(api, "GET", "/reopenings/２０２０", 400, "Bad Request");
        assertGatewayMessage(api, "GET", "/reopenings/a\"b", 400, "Bad Request");
    }

    @Test
    void anEmptySegmentInsideThePathIsTheStacksOwn404Problem(Api api) throws IOException {
        RawHttp.Response response = new RawHttp(api.baseUrl()).send(new RawHttp.Request("GET", "/reopenings//details", List.of(), null));

        assertEquals(404, response.status());
        assertEquals("application/problem+json", response.header("Content-Type"));
    }

    @Test
    void aHeaderNameWithIllegalCharactersIsApiGateways400Message(Api api) throws IOException {
        RawHttp.Response response = new RawHttp(api.baseUrl())
                .send(new RawHttp.Request("GET", "/districts", List.of(Map.entry("Bad Name(", "1")), null));

        assertEquals(400, response.status());
        assertEquals("{\"message\":\"Bad Request\"}", response.text());
    }

    @Test
    void aWellFormedRequestStillReachesItsFunctionThroughTheEdge(Api api) throws IOException {
        RawHttp.Response response = new RawHttp(api.baseUrl()).send(new RawHttp.Request("GET", "/districts", List.of(), null));

        assertEquals(200, response.status());
        assertEquals("close", response.header("Connection"));
    }

    private static void assertGatewayMessage(Api api, String method, String target, int status, String message) throws IOException {
        RawHttp.Response response = new RawHttp(api.baseUrl()).send(new RawHttp.Request(method, target, List.of(), null));

        assertEquals(status, response.status(), target);
        assertEquals("application/json", response.header("Content-Type"), target);
        assertEquals("{\"message\":\"" + message + "\"}", response.text(), target);
    }
}
