package cn.lanzhou.epidemic.common.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.lanzhou.epidemic.common.json.Json;
import cn.lanzhou.epidemic.common.store.BackendUnavailable;
import cn.lanzhou.epidemic.common.testing.Requests;
import cn.lanzhou.epidemic.common.validation.Fields;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ApiHandlerTest {

    /** Echoes the one field "name" back, after the usual body checks. */
    static final class EchoHandler extends ApiHandler {
        @Override
        protected ApiResponse handle(ApiRequest request) {
            Fields fields = RequestBody.read(request);
            String name = fields.requiredString("name", 1, 5);
            fields.finishAndThrow();
            if (name.equals("boom")) {
                throw new IllegalStateException("secret 11010519491231002X");
            }
            if (name.equals("down")) {
                throw new BackendUnavailable(new RuntimeException());
            }
            return ApiResponse.created(Json.object().put("name", name));
        }
    }

    private final EchoHandler handler = new EchoHandler();

    private APIGatewayV2HTTPResponse call(Requests request) {
        return handler.handleRequest(request.build(), null);
    }

    private static Requests post() {
        return Requests.route("POST /echo", "/echo");
    }

    @Test
    void aValidJsonBodyIsHandled() {
        var r = call(post().json("{\"name\":\"ok\"}"));
        assertEquals(201, r.getStatusCode());
        assertTrue(r.getHeaders().get("Content-Type").startsWith("application/json"));
    }

    @Test
    void aFormBodyArrivesBase64EncodedAndIsRead() {
        var r = call(post().form("name=ok"));
        assertEquals(201, r.getStatusCode());
    }

    @Test
    void otherMediaTypesAndContentEncodingsAre415() {
        assertEquals(415, call(post().json("{}").header("content-type", "text/plain")).getStatusCode());
        assertEquals(415, call(post().json("{}").header("content-encoding", "gzip")).getStatusCode());
        assertEquals(415, call(post().json("{}").header("content-type", "application/json; charset=latin1")).getStatusCode());
    }

    @Test
    void bodiesOver64KiBAre413() {
        var r = call(post().json("{\"name\":\"" + "a".repeat(70_000) + "\"}"));
        assertEquals(413, r.getStatusCode());
    }

    @Test
    void brokenJsonInvalidBase64AndInvalidUtf8Are400ProblemsThatQuoteNothing() {
        var broken = call(post().json("{\"name\":\"13812345678\""));
        assertEquals(400, broken.getStatusCode());
        assertEquals("application/problem+json", broken.getHeaders().get("Content-Type"));
        assertFalse(broken.getBody().contains("13812345678"));

        var badBase64 = post().form("name=x").build();
        badBase64.setBody("%%%not base64");
        assertEquals(400, handler.handleRequest(badBase64, null).getStatusCode());

        var badUtf8 = post().form("x").build();
        badUtf8.setBody(Base64.getEncoder().encodeToString(new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'}));
        badUtf8.getHeaders().put("content-type", "application/json");
        assertEquals(400, handler.handleRequest(badUtf8, null).getStatusCode());
    }

    @Test
    void fieldErrorsListEveryBadField() throws Exception {
        var r = call(post().json("{\"name\":\"toolong\",\"other\":1}"));
        assertEquals(400, r.getStatusCode());
        var body = Json.parse(r.getBody());
        assertEquals(2, body.get("errors").size());
        assertEquals("name", body.at("/errors/0/field").asText());
        assertEquals("other", body.at("/errors/1/field").asText());
        assertTrue(body.at("/errors/0/message").asText().contains(" / "));
    }

    @Test
    void anUnexpectedFailureIs500WithTheRequestIdAndNoDetails() throws Exception {
        var r = call(post().json("{\"name\":\"boom\"}"));
        assertEquals(500, r.getStatusCode());
        assertFalse(r.getBody().contains("11010519491231002X"));
        assertFalse(r.getBody().contains("IllegalStateException"));
        assertTrue(Json.parse(r.getBody()).has("requestId"));
    }

    @Test
    void theBackendBeingDownIs503WithRetryAfter() {
        var r = call(post().json("{\"name\":\"down\"}"));
        assertEquals(503, r.getStatusCode());
        assertEquals("2", r.getHeaders().get("Retry-After"));
    }

    @Test
    void aBrowserPostingAFormGetsAChinesePageWithTheSameStatus() {
        var ok = call(post().form("name=ok").header("accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8"));
        assertEquals(201, ok.getStatusCode());
        assertTrue(ok.getHeaders().get("Content-Type").startsWith("text/html"));
        assertTrue(ok.getBody().contains("lang=\"zh-CN\""));

        var bad = call(post().form("name=<script>").header("accept", "text/html")
                .header("referer", "https://forms.example/register.html").header("host", "forms.example"));
        assertEquals(400, bad.getStatusCode());
        assertTrue(bad.getBody().contains("href=\"/register.html\""));
        assertFalse(bad.getBody().contains("<script>"));
    }

    @Test
    void anApiClientAskingForJsonGetsJson() {
        assertFalse(MediaTypes.prefersHtml("application/json"));
        assertFalse(MediaTypes.prefersHtml("*/*"));
        assertFalse(MediaTypes.prefersHtml("text/html;q=0.5, application/json"));
        assertTrue(MediaTypes.prefersHtml("text/html"));
    }
}
