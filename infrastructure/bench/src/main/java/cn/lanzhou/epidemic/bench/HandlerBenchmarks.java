package cn.lanzhou.epidemic.bench;

import cn.lanzhou.epidemic.common.idempotency.Idempotency;
import cn.lanzhou.epidemic.common.idempotency.IdempotencyStore;
import cn.lanzhou.epidemic.common.model.Districts;
import cn.lanzhou.epidemic.common.time.AppClock;
import cn.lanzhou.epidemic.donation.DonationHandler;
import cn.lanzhou.epidemic.donation.domain.Donation;
import cn.lanzhou.epidemic.donation.domain.Donations;
import cn.lanzhou.epidemic.person.PersonalData;
import cn.lanzhou.epidemic.registration.RegistrationHandler;
import cn.lanzhou.epidemic.registration.RegistrationService;
import cn.lanzhou.epidemic.registration.domain.Registrations;
import cn.lanzhou.epidemic.registration.domain.RiskAssessment;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Handler overhead without I/O: each POST handler with its real validation, service, mapping and
 * JSON, and stores that keep nothing (no Idempotency-Key is sent, so no idempotency record either).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HandlerBenchmarks {
    private RegistrationHandler registration;
    private DonationHandler donation;
    private APIGatewayV2HTTPEvent registrationEvent;
    private APIGatewayV2HTTPEvent donationEvent;

    @Setup
    public void setUp() {
        AppClock clock = AppClock.fromEnvironment();
        Districts districts = Districts.fromEnvironment();
        Idempotency idempotency = new Idempotency(new UnusedIdempotencyStore(), clock);
        Registrations keepNothing = r -> r;
        registration = new RegistrationHandler(new RegistrationService(keepNothing,
                new RiskAssessment(List.of("湖北", "Hubei")), new PersonalData("bench-key"), clock), idempotency, districts, clock);
        donation = new DonationHandler(districts, clock, idempotency, new NoDonations());
        registrationEvent = post("/registrations", Submissions.registration());
        donationEvent = post("/donations", Submissions.donation());
    }

    @Benchmark
    public APIGatewayV2HTTPResponse registration() {
        return registration.handleRequest(registrationEvent, null);
    }

    @Benchmark
    public APIGatewayV2HTTPResponse donation() {
        return donation.handleRequest(donationEvent, null);
    }

    static APIGatewayV2HTTPEvent post(String path, String body) {
        var http = APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("POST").withPath(path).build();
        return APIGatewayV2HTTPEvent.builder()
                .withRouteKey("POST " + path)
                .withRawPath(path)
                .withHeaders(Map.of("content-type", "application/json"))
                .withBody(body)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withHttp(http).withRequestId("bench").build())
                .build();
    }

    /** Never reached: the benchmarked requests carry no Idempotency-Key. */
    static final class UnusedIdempotencyStore implements IdempotencyStore {
        @Override
        public boolean claim(String key, String fingerprint, Instant now, Instant leaseUntil, Instant expiresAt) {
            throw new IllegalStateException("no key was sent");
        }

        @Override
        public Optional<KeyRecord> find(String key, Instant now) {
            throw new IllegalStateException("no key was sent");
        }

        @Override
        public boolean takeOver(String key, Instant expiredLease, Instant newLease) {
            throw new IllegalStateException("no key was sent");
        }

        @Override
        public void complete(String key, int status, String body) {
            throw new IllegalStateException("no key was sent");
        }

        @Override
        public void release(String key) {
            throw new IllegalStateException("no key was sent");
        }
    }

    static final class NoDonations implements Donations {
        @Override
        public boolean reserveReceipt(String receiptNumber, String donationId, Instant at) {
            return true;
        }

        @Override
        public void markDayChanged(LocalDate day, LocalDate today, Instant at) {
        }

        @Override
        public boolean putIfAbsent(Donation donation) {
            return true;
        }

        @Override
        public Optional<Donation> find(LocalDate localDate, String district, String id) {
            return Optional.empty();
        }
    }
}
