package cn.lanzhou.epidemic.districts;

import cn.lanzhou.epidemic.common.testing.Answers;
import cn.lanzhou.epidemic.common.testing.Fuzz;
import cn.lanzhou.epidemic.common.testing.HttpCase;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** GET /districts with any Accept, query, stray body and claims: always the JSON list, never a page. */
class DistrictsHandlerProperties {
    private static final DistrictsHandler HANDLER = new DistrictsHandler();

    @Property
    void theListIsAlwaysJsonWhateverTheRequestSays(@ForAll("gets") HttpCase request) {
        APIGatewayV2HTTPResponse response = HANDLER.handleRequest(request.event(), null);
        Answers.check(request, response, List.of());
        if (response.getStatusCode() != 200 || !response.getHeaders().get("Content-Type").startsWith("application/json")) {
            throw new AssertionError("GET /districts is 200 JSON: " + response.getStatusCode() + " " + response.getHeaders());
        }
    }

    @Provide
    Arbitrary<HttpCase> gets() {
        return net.jqwik.api.Combinators.combine(Fuzz.gets(HttpCase.of("GET /districts", "/districts")),
                        Fuzz.pagingQuery(List.of("chengguan"), List.of("x")), Fuzz.claims())
                .as((request, query, claims) -> request.query(query).claims(claims));
    }
}
