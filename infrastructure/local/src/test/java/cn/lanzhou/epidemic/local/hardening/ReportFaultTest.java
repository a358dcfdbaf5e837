package cn.lanzhou.epidemic.local.hardening;

import static cn.lanzhou.epidemic.local.hardening.FaultProxy.Fault.SERVER_ERROR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import cn.lanzhou.epidemic.local.Api;
import cn.lanzhou.epidemic.local.LocalResources;
import cn.lanzhou.epidemic.local.LocalNames;
import cn.lanzhou.epidemic.local.LocalStack;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * S3 failing under the summary function (a {@link FaultProxy} between the functions and S3Proxy): a
 * compilation that dies half-way, after the CSV and the page and before {@code summary.json}, leaves
 * the previous complete report answering {@code GET /reports/{date}} (same generatedAt, its links
 * download), and the next compilation succeeds. The links themselves: at most 900 s, and a link with
 * one character of its signature or its key changed is refused with 403.
 */
@Tag("faults")
class ReportFaultTest {
    private static final Pattern SIGNATURE = Pattern.compile("([?&]X-Amz-Signature=)([0-9a-f]+)");

    private static FaultProxy s3Proxy;
    private static LocalStack stack;
    private static Api api;
    private static String token;

    @BeforeAll
    static void startAStackWhoseFunctionsReachS3ThroughTheProxy() throws Exception {
        s3Proxy = new FaultProxy();
        stack = LocalStack.start(LocalStack.Options.inMemory().functionEndpoints(d -> d, s3Proxy::inFrontOf));
        api = new Api(stack.baseUrl());
        token = stack.staffToken();
        for (String path : new String[] {"/registrations", "/registrations", "/donations", "/reopenings"}) {
            JsonNode body = path.equals("/registrations") ? Samples.registration()
                    : path.equals("/donations") ? Samples.donation() : Samples.reopening();
            Api.Response created = api.postJson(path, Samples.write(body));
            assertEquals(201, created.status(), created.body());
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (stack != null) {
            keepTheBucketForThePersonalDataScan();
            stack.close();
        }
        if (s3Proxy != null) {
            s3Proxy.close();
        }
    }

    @Test
    void aCompilationFailingHalfWayLeavesThePreviousReportAndTheRerunSucceeds() throws Exception {
        String date = Samples.today().toString();
        JsonNode first = compile(date, null);
        String firstGeneratedAt = first.get("generatedAt").asText();
        int firstCount = registrations(download(first, "summary.json"));

        assertEquals(201, api.postJson("/registrations", Samples.write(Samples.registration())).status());
        FaultProxy.Rule summaryJsonPut = s3Proxy.always(r -> r.method().equals("PUT") && r.target().contains("/summary.json"), SERVER_ERROR);
        long start = System.nanoTime();
        Api.Response invoked = invokeSummary(date);
        long failedMillis = (System.nanoTime() - start) / 1_000_000;
        s3Proxy.heal();

        assertEquals("Unhandled", invoked.header("X-Amz-Function-Error").orElse(""),
                "the compilation must fail (so the schedule's retries and dead-letter queue take over): " + invoked.body());
        assertTrue(summaryJsonPut.injected.get() >= 1, "the fault never fired: the compilation did not get to summary.json");
        JsonNode during = files(date);
        assertEquals(firstGeneratedAt, during.get("generatedAt").asText(), "the half-written set replaced the complete one");
        JsonNode summary = download(during, "summary.json");
        assertEquals(firstGeneratedAt, summary.get("generatedAt").asText());
        assertEquals(firstCount, registrations(summary));
        for (String name : new String[] {"summary.csv", "report.html"}) {
            assertEquals(200, get(link(during, name)).status(), name + " of the previous set does not download");
        }

        start = System.nanoTime();
        JsonNode rerun = compile(date, firstGeneratedAt);
        long rerunMillis = (System.nanoTime() - start) / 1_000_000;
        assertNotEquals(firstGeneratedAt, rerun.get("generatedAt").asText());
        assertEquals(firstCount + 1, registrations(download(rerun, "summary.json")));
        System.out.println("[faults] report compilation failing at summary.json: failed in " + failedMillis + " ms ("
                + summaryJsonPut.injected.get() + " PUT attempts refused), previous set kept; rerun compiled in " + rerunMillis + " ms");
    }

    @Test
    void linksLiveAtMost900SecondsAndATamperedLinkIsRefused() {
        String date = Samples.today().toString();
        JsonNode listing = files(date).has("files") ? files(date) : compile(date, null);
        Instant now = Instant.now();
        for (JsonNode file : listing.get("files")) {
            String url = file.get("url").asText();
            Map<String, String> query = query(URI.create(url));
            long expires = Long.parseLong(query.get("X-Amz-Expires"));
            assertTrue(expires > 0 && expires <= 900, "X-Amz-Expires " + expires);
            Instant expiresAt = Instant.parse(file.get("expiresAt").asText());
            assertTrue(!expiresAt.isAfter(now.plusSeconds(900)), "expiresAt " + expiresAt + " is more than 900 s after " + now);
            assertEquals(200, get(url).status(), file.get("name") + " does not download");

            Matcher signature = SIGNATURE.matcher(url);
            assertTrue(signature.find(), "no signature in " + file.get("name"));
            char last = signature.group(2).charAt(signature.group(2).length() - 1);
            String tamperedSignature = url.substring(0, signature.end(2) - 1) + (last == '0' ? '1' : '0') + url.substring(signature.end(2));
            assertEquals(403, get(tamperedSignature).status(), "a link with a changed signature");
        }
        String json = link(listing, "summary.json");
        assertEquals(403, get(json.replace("/summary.json", "/summary.csv")).status(), "a link used for another key");
        assertEquals(403, get(json.replace("/" + date + "/", "/" + Samples.today().minusDays(1) + "/")).status(),
                "a link used for another day");
        System.out.println("[access] presigned links: X-Amz-Expires ≤ 900, expiresAt ≤ now + 900 s, tampered signature/key → 403");
    }

    // ---------------------------------------------------------------- helpers

    private static JsonNode compile(String date, String previousGeneratedAt) {
        Api.Response accepted = api.send(api.request("/reports/" + date).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(202, accepted.status(), accepted.body());
        long deadline = System.nanoTime() + 90_000_000_000L;
        while (System.nanoTime() < deadline) {
            Api.Response response = api.get("/reports/" + date, token);
            if (response.status() == 200 && !response.json().get("generatedAt").asText().equals(previousGeneratedAt)) {
                return response.json();
            }
            sleep(200);
        }
        return fail("the report of " + date + " was not compiled within 90 s");
    }

    private static JsonNode files(String date) {
        Api.Response response = api.get("/reports/" + date, token);
        return response.status() == 200 ? response.json() : Samples.object("{}");
    }

    /** The summary function invoked as the schedule does, but waiting for its outcome (Lambda's Invoke API). */
    private static Api.Response invokeSummary(String date) {
        Api lambda = new Api(stack.lambdaEndpoint());
        return lambda.invoke("SummaryFunction", "RequestResponse", "{\"date\":\"" + date + "\"}");
    }

    private static String link(JsonNode listing, String name) {
        for (JsonNode file : listing.get("files")) {
            if (file.get("name").asText().equals(name)) {
                return file.get("url").asText();
            }
        }
        return fail("no " + name + " in " + listing);
    }

    private static JsonNode download(JsonNode listing, String name) {
        Api.Response response = get(link(listing, name));
        assertEquals(200, response.status(), name);
        return Samples.object(response.body());
    }

    private static Api.Response get(String url) {
        return api.send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    private static int registrations(JsonNode summary) {
        return summary.get("totals").get("registrations").get("count").asInt();
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return query;
    }

    private static void keepTheBucketForThePersonalDataScan() {
        String bucket = LocalNames.REPORTS_BUCKET;
        try (S3Client s3 = LocalResources.s3(stack.s3Endpoint())) {
            for (S3Object object : s3.listObjectsV2Paginator(r -> r.bucket(bucket)).contents()) {
                PersonalDataScanTest.keepReportFile("report-fault-stack/" + object.key(),
                        s3.getObjectAsBytes(r -> r.bucket(bucket).key(object.key())).asByteArray());
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
