package cn.lanzhou.epidemic.local.contract.reports;

import static cn.lanzhou.epidemic.local.contract.reports.ReportDownloads.district;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.lanzhou.epidemic.local.LocalResources;
import cn.lanzhou.epidemic.local.LocalStack;
import cn.lanzhou.epidemic.local.LocalStackExtension;
import cn.lanzhou.epidemic.local.Api;
import cn.lanzhou.epidemic.local.LocalNames;
import java.net.http.HttpRequest;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The summary function's DynamoDB side against the real (dynalite) server: items in the agreed key
 * design are read by Query page by page (a shard over 1 MB), applications by BatchGetItem in
 * chunks of 100, late-change marks make a later compilation read the changed day again, and the
 * aggregates chain the cumulative figures.
 */
@ExtendWith(LocalStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DynamoDayStoresContractTest {
    private static final ZoneId LANZHOU = ZoneId.of("Asia/Shanghai");
    private static final LocalDate DAY = LocalDate.parse("2021-03-08");
    private static final int PADDED = 420;
    private static final int APPLICATIONS = 130;

    private LocalStack stack;
    private S3Client s3;
    private JsonNode baseline;

    @BeforeAll
    void writeTheDay(LocalStack stack) {
        this.stack = stack;
        s3 = LocalResources.s3(stack.s3Endpoint());
        try (AgreedItems items = new AgreedItems(stack)) {
            // 420 items of ~3 KB in one shard: more than one 1 MB page
            for (int i = 0; i < PADDED; i++) {
                items.paddedRegistration(DAY, at("2021-03-08T09:00:00"), "xigu", 3, 3_000);
            }
            items.registration(DAY, at("2021-03-08T10:00:00"), "xigu", "HIGH", true, "甘A00001");
            items.funds(DAY, "xigu", "0.10").funds(DAY, "xigu", "0.20");
            for (int i = 0; i < APPLICATIONS; i++) {
                boolean decided = i < 5;
                items.application("xigu", true, decided ? "APPROVED" : "SUBMITTED", DAY, decided ? DAY : null, null);
            }
            items.strayPointer(DAY, "xigu");
        }
        baseline = compile(DAY.minusDays(1));
    }

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(LANZHOU).toInstant();
    }

    /** The summary function, in its container, invoked as the schedule does but waiting for its answer. */
    private JsonNode compile(LocalDate date) {
        Api lambda = new Api(stack.lambdaEndpoint());
        Api.Response invoked = lambda.invoke("SummaryFunction", "RequestResponse", "{\"date\":\"" + date + "\"}");
        assertEquals("", invoked.header("X-Amz-Function-Error").orElse(""), invoked.body());
        assertEquals("COMPILED", readJson(invoked.body().getBytes(java.nio.charset.StandardCharsets.UTF_8)).path("status").asText());
        byte[] json = s3.getObjectAsBytes(b -> b.bucket(LocalNames.REPORTS_BUCKET)
                .key("reports/daily/" + date + "/summary.json")).asByteArray();
        return readJson(json);
    }

    private static JsonNode readJson(byte[] json) {
        try {
            return ReportDownloads.JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long base(String group, String figure) {
        return district(baseline, "xigu").path(group).path(figure).asLong();
    }

    @Test
    @Order(1)
    void aDayIsReadPageByPageAndApplicationsInBatches() {
        JsonNode xigu = district(compile(DAY), "xigu");
        assertEquals(PADDED + 1, xigu.path("registrations").path("count").asLong());
        assertEquals(base("registrations", "cumulative") + PADDED + 1, xigu.path("registrations").path("cumulative").asLong());
        assertEquals(1, xigu.path("registrations").path("fever").asLong());
        assertEquals(1, xigu.path("registrations").path("vehicles").asLong());
        assertEquals("0.30", xigu.path("donations").path("funds").asText());
        assertEquals(APPLICATIONS, xigu.path("reopenings").path("submitted").asLong(), "the stray pointer counts nothing");
        assertEquals(5, xigu.path("reopenings").path("approved").asLong());
        assertEquals(base("reopenings", "pending") + APPLICATIONS - 5, xigu.path("reopenings").path("pending").asLong());
    }

    @Test
    @Order(2)
    void aLateRegistrationIsCountedOnItsDayAndInEveryLaterCumulative() {
        compile(DAY);
        compile(DAY.plusDays(1));
        try (AgreedItems items = new AgreedItems(stack)) {
            items.changed(DAY, Instant.now());
            items.registration(DAY, at("2021-03-08T20:00:00"), "xigu", "LOW", false, null);
        }
        JsonNode next = district(compile(DAY.plusDays(2)), "xigu");
        long expected = base("registrations", "cumulative") + PADDED + 2;
        assertEquals(expected, next.path("registrations").path("cumulative").asLong());
        assertEquals(0, next.path("registrations").path("count").asLong());
        JsonNode day = district(compile(DAY), "xigu");
        assertEquals(PADDED + 2, day.path("registrations").path("count").asLong());
        assertEquals(expected, district(compile(DAY.plusDays(1)), "xigu").path("registrations").path("cumulative").asLong());
    }
}
