package cn.lanzhou.epidemic.reopening;

import cn.lanzhou.epidemic.common.json.Json;
import cn.lanzhou.epidemic.common.testing.Answers;
import cn.lanzhou.epidemic.common.testing.Fuzz;
import cn.lanzhou.epidemic.common.testing.HttpCase;
import cn.lanzhou.epidemic.common.testing.Requests;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The six reopening routes with generated requests, through the handler with in-memory stores:
 * applications mutated field by field (JSON and forms), and the public and staff routes with ids,
 * queries, claims and staff bodies of every kind, against a store holding one SUBMITTED and one
 * APPROVED application. Tries: {@code jqwik.tries.default}.
 */
class ReopeningHandlerProperties {
    private static final List<String> PERSONAL = List.of("王经理", "+86 138-1234-5678", "13812345678", "1234-5678", "李主任");
    private static final List<String> STATUSES = List.of("SUBMITTED", "APPROVED", "REJECTED", "REOPENED");

    @Property
    void anyApplicationIsAnsweredAsTheContractSaysAndAnErrorWritesNothing(@ForAll("applications") HttpCase request) {
        InMemoryReopeningApplications store = new InMemoryReopeningApplications();
        APIGatewayV2HTTPResponse response = Fixtures.handler(store).handleRequest(request.event(), null);
        Statistics.label("status").collect(response.getStatusCode());
        Answers.check(request, response, PERSONAL);
        int status = response.getStatusCode();
        if (status >= 400 && (!store.applications.isEmpty() || !store.locks.held.isEmpty() || !store.pointers.isEmpty())) {
            throw new AssertionError(status + " but an application was written");
        }
        if (status < 400 && (status != 201 || store.applications.size() != 1)) {
            throw new AssertionError("a success is one application, 201: " + response.getBody());
        }
    }

    @Property
    void everyOtherRouteIsAnsweredAsTheContractSaysAndOnlyASuccessfulStaffStepChangesTheStore(
            @ForAll("routes") Route route) {
        InMemoryReopeningApplications store = new InMemoryReopeningApplications();
        ReopeningHandler handler = Fixtures.handler(store);
        String submitted = submit(handler, Fixtures.CREDIT_CODE);
        String approved = submit(handler, Fixtures.OTHER_CREDIT_CODE);
        decide(handler, approved);
        String before = snapshot(store);
        HttpCase request = route.resolve(submitted, approved);
        APIGatewayV2HTTPResponse response = handler.handleRequest(request.event(), null);
        Statistics.label("route").collect(request.routeKey(), response.getStatusCode());
        Answers.check(request, response, PERSONAL);
        boolean changes = response.getStatusCode() == 200 && request.method().equals("POST");
        if (!changes && !before.equals(snapshot(store))) {
            throw new AssertionError(request.routeKey() + " answered " + response.getStatusCode() + " but changed the store");
        }
    }

    /** A route with placeholders for the ids the store holds: {@code @submitted}, {@code @approved}. */
    record Route(HttpCase request) {
        HttpCase resolve(String submitted, String approved) {
            String id = request.pathParameters().get("id");
            if (id == null) {
                return request;
            }
            String real = id.equals("@submitted") ? submitted : id.equals("@approved") ? approved : id;
            return new HttpCase(request.routeKey(), request.rawPath().replace(id, real), request.headers(),
                    Map.of("id", real), request.query(), request.claims(), request.body(), request.base64());
        }
    }

    private static String submit(ReopeningHandler handler, String creditCode) {
        var response = handler.handleRequest(Requests.route("POST /reopenings", "/reopenings").json(Fixtures.body(creditCode)).build(), null);
        return Json.parseTrusted(response.getBody()).get("id").asText();
    }

    private static void decide(ReopeningHandler handler, String id) {
        handler.handleRequest(Requests.route("POST /reopenings/{id}/decision", "/reopenings/" + id + "/decision").path("id", id)
                .json("{\"decision\": \"APPROVE\", \"expectedVersion\": 1}").staff("staff-1").build(), null);
    }

    private static String snapshot(InMemoryReopeningApplications store) {
        return store.applications + "|" + store.locks + "|" + store.pointers + "|" + store.changedDays + "|" + store.transitionsApplied;
    }

    @Provide
    Arbitrary<HttpCase> applications() {
        return Fuzz.posts(HttpCase.of("POST /reopenings", "/reopenings"), Json.parseTrusted(Fixtures.body()));
    }

    @Provide
    Arbitrary<Route> routes() {
        Arbitrary<String> ids = Fuzz.pathSegments(Arbitraries.of("@submitted", "@approved", "01E0ZQ2V4X8Y9Z0A1B2C3D4E5F"));
        Arbitrary<HttpCase> publicView = ids.flatMap(id -> Fuzz.gets(HttpCase.of("GET /reopenings/{id}", "/reopenings/{id}").path("id", id)));
        Arbitrary<HttpCase> details = ids.flatMap(id -> Fuzz.gets(HttpCase.of("GET /reopenings/{id}/details", "/reopenings/{id}/details")
                .path("id", id)));
        Arbitrary<HttpCase> list = Combinators.combine(Fuzz.gets(HttpCase.of("GET /reopenings", "/reopenings")),
                        Fuzz.pagingQuery(List.of("chengguan", "xigu"), STATUSES))
                .as(HttpCase::query);
        Arbitrary<HttpCase> decision = ids.flatMap(id -> Fuzz.posts(HttpCase.of("POST /reopenings/{id}/decision", "/reopenings/{id}/decision")
                .path("id", id), Json.parseTrusted("{\"decision\": \"REJECT\", \"reason\": \"材料不全\", \"expectedVersion\": 1}")));
        Arbitrary<HttpCase> reopened = ids.flatMap(id -> Fuzz.posts(HttpCase.of("POST /reopenings/{id}/reopened", "/reopenings/{id}/reopened")
                .path("id", id), Json.parseTrusted("{\"reopenedOn\": \"2020-02-13\", \"expectedVersion\": 2}")));
        Arbitrary<HttpCase> staffRoutes = Combinators.combine(Arbitraries.oneOf(details, list, decision, reopened),
                        Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, Arbitraries.just(Map.of("sub", "staff-1", "cognito:groups", "[staff]"))),
                                net.jqwik.api.Tuple.of(1, Fuzz.claims())))
                .as(HttpCase::claims);
        return Arbitraries.oneOf(publicView, staffRoutes).map(Route::new);
    }
}
