package cn.lanzhou.epidemic.registration;

import cn.lanzhou.epidemic.common.json.Json;
import cn.lanzhou.epidemic.common.testing.Answers;
import cn.lanzhou.epidemic.common.testing.Fuzz;
import cn.lanzhou.epidemic.common.testing.HttpCase;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * POST /registrations with generated bodies (a valid one mutated field by field, as JSON and as a
 * form; raw JSON and form bodies at the parsers' edges) and headers, through the handler with
 * in-memory stores. Tries: {@code jqwik.tries.default} (common's junit-platform.properties).
 */
class RegistrationHandlerProperties {
    /** What the valid bodies submit about the person: never to be found in an error. */
    private static final List<String> PERSONAL = List.of("张伟", "11010519491231002X", "13800138000", "138 0013 8000",
            "+86 138-0013-8000", "0013", "1231002X");

    @Property
    void anyRequestIsAnsweredAsTheContractSaysAndAnErrorWritesNothing(@ForAll("registrations") HttpCase request) {
        Fixture fixture = Fixture.at("2020-02-14T04:00:00Z");
        APIGatewayV2HTTPResponse response = fixture.post(request.event());
        Statistics.label("status").collect(response.getStatusCode());
        Answers.check(request, response, PERSONAL);
        if (response.getStatusCode() >= 400) {
            assertNothingWritten(fixture, response);
        } else {
            if (response.getStatusCode() != 201 || fixture.registrations.byId.size() != 1) {
                throw new AssertionError("a success is one registration, 201: " + response.getBody());
            }
        }
    }

    private static void assertNothingWritten(Fixture fixture, APIGatewayV2HTTPResponse response) {
        if (!fixture.registrations.byId.isEmpty() || fixture.registrations.writes.get() != 0) {
            throw new AssertionError(response.getStatusCode() + " but a registration was written");
        }
        if (response.getStatusCode() == 400 && fixture.keys.size() != 0) {
            throw new AssertionError("a 400 is not stored under its Idempotency-Key");
        }
    }

    @Provide
    Arbitrary<HttpCase> registrations() {
        HttpCase base = HttpCase.of("POST /registrations", "/registrations");
        return Arbitraries.oneOf(Fuzz.posts(base, community()), Fuzz.posts(base, checkpoint()));
    }

    /** Fixture's valid body with every optional field, at a checkpoint. */
    private static ObjectNode checkpoint() {
        ObjectNode body = Fixture.valid();
        body.put("idType", "RESIDENT_ID");
        body.put("phone", "+86 138-0013-8000");
        ((ObjectNode) body.get("site")).put("type", "CHECKPOINT");
        body.put("occurredAt", "2020-02-14T10:00:00+08:00");
        body.put("vehiclePlate", "甘A12345");
        body.put("origin", "西安");
        body.set("travelHistory", Json.array().add("西安").add("天水"));
        body.put("contactWithCases", false);
        body.put("temperatureCelsius", 36.5);
        body.set("symptoms", Json.array().add("COUGH").add("FATIGUE"));
        body.put("cohabitantsUnwell", false);
        return body;
    }

    private static ObjectNode community() {
        return Fixture.valid();
    }
}
