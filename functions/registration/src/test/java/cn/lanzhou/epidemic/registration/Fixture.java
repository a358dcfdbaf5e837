package cn.lanzhou.epidemic.registration;

import cn.lanzhou.epidemic.person.PersonalData;
import cn.lanzhou.epidemic.common.idempotency.Idempotency;
import cn.lanzhou.epidemic.common.json.Json;
import cn.lanzhou.epidemic.common.model.District;
import cn.lanzhou.epidemic.common.model.Districts;
import cn.lanzhou.epidemic.common.testing.InMemoryIdempotencyStore;
import cn.lanzhou.epidemic.common.testing.Requests;
import cn.lanzhou.epidemic.common.time.AppClock;
import cn.lanzhou.epidemic.registration.domain.RiskAssessment;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/** A handler wired with in-memory stores, and the bodies and requests the tests send it. */
public final class Fixture {
    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    public static final String KEY = "test-hash-key-0123456789";
    public static final Districts DISTRICTS = new Districts(List.of(
            new District("chengguan", "城关区", "Chengguan", 100),
            new District("qilihe", "七里河区", "Qilihe", 50)));

    public final InMemoryRegistrations registrations = new InMemoryRegistrations();
    public final InMemoryIdempotencyStore keys = new InMemoryIdempotencyStore();
    public final AppClock clock;
    public final RegistrationHandler handler;

    Fixture(Clock clock) {
        this.clock = new AppClock(clock, SHANGHAI);
        RegistrationService service = new RegistrationService(registrations,
                new RiskAssessment(List.of("湖北", "Hubei")), new PersonalData(KEY), this.clock);
        this.handler = new RegistrationHandler(service, new Idempotency(keys, this.clock), DISTRICTS, this.clock);
    }

    /** At a fixed instant. */
    public static Fixture at(String instant) {
        return new Fixture(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    /** With the system clock (waiting copies of a keyed request need time to pass). */
    public static Fixture live() {
        return new Fixture(Clock.systemUTC());
    }

    /** A valid registration at a community (no temperature needed), with nothing that raises the risk. */
    public static ObjectNode valid() {
        ObjectNode body = Json.object();
        body.put("name", "张伟");
        body.put("idNumber", "11010519491231002X");
        body.put("phone", "13800138000");
        body.put("district", "chengguan");
        body.putObject("site").put("type", "COMMUNITY").put("code", "DONGGANG-3");
        body.put("consent", true);
        return body;
    }

    public static APIGatewayV2HTTPEvent json(JsonNode body) {
        return Requests.route("POST /registrations", "/registrations").json(Json.write(body)).build();
    }

    public static APIGatewayV2HTTPEvent json(JsonNode body, String idempotencyKey) {
        return Requests.route("POST /registrations", "/registrations").json(Json.write(body))
                .header("Idempotency-Key", idempotencyKey).build();
    }

    public static APIGatewayV2HTTPEvent form(String urlEncoded) {
        return Requests.route("POST /registrations", "/registrations").form(urlEncoded).build();
    }

    APIGatewayV2HTTPResponse post(APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, null);
    }

    APIGatewayV2HTTPResponse post(JsonNode body) {
        return post(json(body));
    }

    public static JsonNode body(APIGatewayV2HTTPResponse response) {
        return Json.parseTrusted(response.getBody());
    }

    /** The field error codes of a 400, as "field=code" entries. */
    public static List<String> errors(APIGatewayV2HTTPResponse response) {
        JsonNode body = body(response);
        List<String> out = new java.util.ArrayList<>();
        body.path("errors").forEach(e -> out.add(e.path("field").asText() + "=" + e.path("code").asText()));
        return out;
    }
}
