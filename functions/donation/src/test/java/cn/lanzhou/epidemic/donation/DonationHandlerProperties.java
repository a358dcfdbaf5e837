package cn.lanzhou.epidemic.donation;

import cn.lanzhou.epidemic.common.idempotency.Idempotency;
import cn.lanzhou.epidemic.common.testing.Answers;
import cn.lanzhou.epidemic.common.testing.Fuzz;
import cn.lanzhou.epidemic.common.testing.HttpCase;
import cn.lanzhou.epidemic.common.testing.InMemoryIdempotencyStore;
import cn.lanzhou.epidemic.common.time.AppClock;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * POST /donations with generated bodies (the funds and materials fixtures mutated field by field, as
 * JSON and as forms; raw bodies at the parsers' edges) and headers, through the handler with
 * in-memory stores. Tries: {@code jqwik.tries.default}.
 */
class DonationHandlerProperties {
    private static final List<String> PERSONAL = List.of("兰州某某商贸有限公司", "张三", "+86 138-0931-1234", "13809311234", "0931-1234",
            "0931");

    @Property
    void anyRequestIsAnsweredAsTheContractSaysAndAnErrorWritesNothing(@ForAll("donations") HttpCase request) {
        AppClock clock = Fixtures.clock(Fixtures.NOW);
        InMemoryDonations donations = new InMemoryDonations();
        InMemoryIdempotencyStore keys = new InMemoryIdempotencyStore();
        DonationHandler handler = new DonationHandler(Fixtures.DISTRICTS, clock, new Idempotency(keys, clock), donations);
        APIGatewayV2HTTPResponse response = handler.handleRequest(request.event(), null);
        Statistics.label("status").collect(response.getStatusCode());
        Answers.check(request, response, PERSONAL);
        int status = response.getStatusCode();
        if (status >= 400) {
            if (!donations.byId.isEmpty() || !donations.receipts.isEmpty() || !donations.changedDays.isEmpty()) {
                throw new AssertionError(status + " but a donation was written");
            }
            if (status == 400 && keys.size() != 0) {
                throw new AssertionError("a 400 is not stored under its Idempotency-Key");
            }
        } else if (status != 201 || donations.byId.size() != 1) {
            throw new AssertionError("a success is one donation, 201: " + response.getBody());
        }
    }

    @Provide
    Arbitrary<HttpCase> donations() {
        HttpCase base = HttpCase.of("POST /donations", "/donations");
        return Arbitraries.oneOf(Fuzz.posts(base, Fixtures.funds()), Fuzz.posts(base, Fixtures.materials()));
    }
}
