package cn.lanzhou.epidemic.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.lanzhou.epidemic.local.Api;
import cn.lanzhou.epidemic.local.LocalStack;
import cn.lanzhou.epidemic.local.LocalStackExtension;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * axe-core on every page (at phone width, and the staff console on a laptop) and on the daily
 * report; the report's chart labels at a phone's width; the favicon; and the local stack serving
 * the static files compressed, with validators and caching, as CloudFront would.
 */
@ExtendWith(LocalStackExtension.class)
class AccessibilityBrowserTest {
    private static Browser browser;

    @BeforeAll
    static void startBrowser(LocalStack stack) {
        browser = Browser.start(stack.baseUrl(), true);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private static void assertNoViolations(String what) {
        List<String> violations = browser.axeViolations();
        assertTrue(violations.isEmpty(), what + ": " + String.join("\n", violations));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/index.html", "/register.html", "/donate.html", "/reopen.html", "/status.html",
            "/poster.html?district=chengguan&siteType=CHECKPOINT&siteCode=G312-01&title=G312", "/staff.html",
            "/observe.html", "/trace.html"})
    void everyPageHasNoAxeViolationsAtPhoneWidth(String path) {
        Browser.assumeAxeInstalled();
        browser.size(Browser.PHONE);
        browser.open(path);
        browser.until(d -> browser.js("return document.readyState").equals("complete") ? true : null);
        assertNoViolations(path);
    }

    @Test
    void aReceiptAndTheFieldErrorsHaveNoAxeViolations() {
        Browser.assumeAxeInstalled();
        browser.size(Browser.PHONE);
        browser.open("/register.html?district=qilihe&siteType=CHECKPOINT&siteCode=A-1");
        browser.waitForDistricts("district");
        browser.click("submit");
        browser.visible("error-summary");
        assertNoViolations("field errors");
        browser.type("name", "李四");
        browser.type("idNumber", TestData.RESIDENT_ID);
        browser.type("phone", TestData.PHONE);
        browser.type("temperatureCelsius", "38.5");
        browser.click("consent");
        browser.click("submit");
        browser.visible("receipt-next-step");
        assertNoViolations("high-risk receipt");
    }

    @Test
    void theStaffConsoleWithDetailsAndTheConfirmationHasNoAxeViolationsOnALaptop(Api api, LocalStack stack) {
        Browser.assumeAxeInstalled();
        browser.size(Browser.DESKTOP);
        Api.Response created = api.postJson("/reopenings", """
                {"enterprise": {"name": "兰州某印刷有限公司", "creditCode": "%s", "industry": "印刷",
                                "aboveDesignatedSize": false, "employees": 20},
                 "district": "anning", "street": "培黎街道", "contact": {"name": "孙八", "phone": "13919310000"},
                 "plannedDate": "%s", "returningEmployees": 10, "employeesFromHubei": 0,
                 "prevention": {"responsiblePerson": "周九", "disinfectionsPerDay": 1, "entrySteps": ["MASK"],
                                "masksInStock": 30, "thermometers": 0, "emergencyPlan": false}}
                """.formatted(TestData.creditCode(), TestData.today()));
        assertEquals(201, created.status(), created.body());
        String id = created.json().get("id").asText();
        browser.open("/staff.html");
        if (!browser.id("console").isDisplayed()) {
            browser.openTokenSignIn();
            browser.js("arguments[0].value = arguments[1];", browser.id("staff-token"), stack.staffToken());
            browser.click("signin-submit");
        }
        browser.visible("console");
        browser.choose("filter-district", "anning");
        browser.click("filter-apply");
        browser.visible("open-" + id);
        browser.click("open-" + id);
        browser.until(d -> id.equals(browser.id("details-id").getText()) ? true : null);
        assertNoViolations("staff details");
        browser.click("approve");
        browser.visible("confirm-dialog");
        assertNoViolations("staff confirmation");
        browser.screenshot("staff-confirm");
        browser.click("confirm-cancel");
    }

    @Test
    void theFollowUpPagesWithTheirListsAndDialogsHaveNoAxeViolationsAtPhoneWidth(Api api) {
        Browser.assumeAxeInstalled();
        browser.size(Browser.PHONE);
        String site = TestData.siteCode("AXE-OBS");
        String idNumber = TestData.residentId();
        FollowUpBrowserTest.observe(api, "周七", TestData.residentId(), site, TestData.today().minusDays(14));
        String checkpoint = TestData.siteCode("AXE-CP");
        String registration = FollowUpBrowserTest.register(api, "吴八", idNumber, checkpoint,
                java.time.OffsetDateTime.now(TestData.ZONE).minusMinutes(5));
        FollowUpBrowserTest.signIn(browser, FollowUpBrowserTest.TRACER);

        browser.open("/observe.html?siteCode=" + site);
        browser.until(d -> d.findElements(org.openqa.selenium.By.cssSelector("#obs-list li")).size() == 1 ? true : null);
        assertNoViolations("observe.html with its list");
        String id = browser.find("#obs-list li").getAttribute("data-id");
        browser.click("slot-" + id + "-AM");
        browser.visible("check-dialog");
        assertNoViolations("the temperature dialog");
        browser.click("check-cancel");
        browser.click("release-" + id);
        browser.visible("release-dialog");
        browser.click("release-submit");
        browser.visible("release-missing");
        assertNoViolations("the release refused");
        browser.click("release-cancel");

        browser.open("/trace.html");
        browser.visible("lookup-idNumber");
        browser.type("lookup-idNumber", idNumber);
        browser.type("lookup-purpose", "无障碍检查");
        browser.click("lookup-submit");
        browser.visible("lookup-result");
        browser.type("visits-siteCode", checkpoint);
        browser.type("visits-purpose", "无障碍检查");
        browser.click("visits-submit");
        browser.visible("visits-table");
        assertNoViolations("trace.html with a lookup and a site's day");
        browser.click("observe-reg-" + registration);
        browser.visible("observe-dialog");
        assertNoViolations("the observation dialog");
        browser.click("observe-cancel");
        browser.screenshot("trace-axe");
    }

    @Test
    void theDailyReportHasNoAxeViolationsAndItsChartLabelsNeverOverlapAtPhoneWidth(Api api, LocalStack stack) throws Exception {
        String today = TestData.today().toString();
        String token = stack.staffToken();
        Api.Response compiling = api.send(api.request("/reports/" + today).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(202, compiling.status(), compiling.body());
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        Api.Response report;
        while ((report = api.get("/reports/" + today, token)).status() != 200) {
            assertTrue(System.nanoTime() < deadline, "the report was not compiled within 120 s");
            Thread.sleep(500);
        }
        String url = null;
        for (var file : report.json().get("files")) {
            if (file.get("name").asText().equals("report.html")) {
                url = file.get("url").asText();
            }
        }
        browser.size(Browser.PHONE);
        browser.driver().get(url);
        browser.until(d -> d.findElements(org.openqa.selenium.By.cssSelector("svg.trend text.d")).size() > 0 ? true : null);
        browser.screenshot("report-phone");
        @SuppressWarnings("unchecked")
        List<List<Number>> boxes = (List<List<Number>>) browser.js("""
                return [...document.querySelectorAll('svg.trend text.d, svg.trend text.v')].map((t) => {
                  const r = t.getBoundingClientRect(); return [r.left, r.right, r.top, r.bottom]; });""");
        @SuppressWarnings("unchecked")
        List<Number> svg = (List<Number>) browser.js("const r = document.querySelector('svg.trend').getBoundingClientRect(); return [r.left, r.right];");
        assertTrue(boxes.size() >= 7, "labels: " + boxes);
        for (int i = 0; i < boxes.size(); i++) {
            List<Number> a = boxes.get(i);
            assertTrue(a.get(0).doubleValue() >= svg.get(0).doubleValue() - 0.5 && a.get(1).doubleValue() <= svg.get(1).doubleValue() + 0.5,
                    "label " + i + " is cut off: " + a + " in " + svg);
            for (int j = i + 1; j < boxes.size(); j++) {
                List<Number> b = boxes.get(j);
                boolean overlap = a.get(0).doubleValue() < b.get(1).doubleValue() && b.get(0).doubleValue() < a.get(1).doubleValue()
                        && a.get(2).doubleValue() < b.get(3).doubleValue() && b.get(2).doubleValue() < a.get(3).doubleValue();
                assertTrue(!overlap, "labels " + i + " and " + j + " overlap: " + a + " " + b);
            }
        }
        Browser.assumeAxeInstalled();
        assertNoViolations("report.html");
    }

    @Test
    void theFaviconIsServed(Api api) {
        Api.Response icon = api.get("/favicon.ico");
        assertEquals(200, icon.status());
        assertEquals("image/x-icon", icon.contentType());
    }

    @Test
    void staticFilesAreCompressedAndRevalidatedWith304(Api api) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<byte[]> zipped = http.send(HttpRequest.newBuilder(api.uri("/js/form.js")).header("Accept-Encoding", "gzip, br").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, zipped.statusCode());
        assertEquals("gzip", zipped.headers().firstValue("Content-Encoding").orElse(""));
        assertTrue(zipped.headers().firstValue("Cache-Control").orElse("").contains("max-age"));
        assertTrue(zipped.headers().firstValue("Vary").orElse("").contains("Accept-Encoding"));
        String text;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(text.contains("setupForm"));
        String etag = zipped.headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> again = http.send(HttpRequest.newBuilder(api.uri("/js/form.js")).header("Accept-Encoding", "gzip")
                .header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(304, again.statusCode());
        assertEquals(0, again.body().length);

        HttpResponse<String> plain = http.send(HttpRequest.newBuilder(api.uri("/register.html")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, plain.statusCode());
        assertTrue(plain.headers().firstValue("Content-Encoding").isEmpty(), "no gzip unless asked for");
        assertEquals("no-cache", plain.headers().firstValue("Cache-Control").orElse(""));
        String modified = plain.headers().firstValue("Last-Modified").orElseThrow();
        HttpResponse<String> since = http.send(HttpRequest.newBuilder(api.uri("/register.html")).header("If-Modified-Since", modified).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(304, since.statusCode());
    }
}
