package cn.lanzhou.epidemic.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.lanzhou.epidemic.local.Api;
import cn.lanzhou.epidemic.local.LocalStack;
import cn.lanzhou.epidemic.local.LocalStackExtension;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The staff console: sign-in with a staff token, the reopening workflow, compiling and downloading a report. */
@ExtendWith(LocalStackExtension.class)
class StaffConsoleBrowserTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Browser browser;

    @BeforeAll
    static void startBrowser(LocalStack stack) {
        browser = Browser.start(stack.baseUrl(), true);
        browser.size(Browser.DESKTOP);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private static void signIn(LocalStack stack) {
        browser.open("/staff.html");
        if (browser.id("console").isDisplayed()) {
            return; // this tab is signed in already (sessionStorage)
        }
        browser.openTokenSignIn();
        browser.visible("staff-token");
        browser.screenshot("staff-signin");
        browser.js("arguments[0].value = arguments[1];", browser.id("staff-token"), stack.staffToken());
        browser.click("signin-submit");
        browser.visible("console");
    }

    static String submitApplication(Api api, String district) {
        return submitApplication(api, district, "兰州某化工有限公司",
                "[\"MASK\", \"TEMPERATURE\", \"DISINFECTION\", \"HEALTH_FORM\", \"CONSENT\", \"PASS\"]", 3, 5, true);
    }

    private static String submitApplication(Api api, String district, String name, String entrySteps,
            int disinfections, int thermometers, boolean emergencyPlan) {
        String body = """
                {"enterprise": {"name": "%s", "creditCode": "%s", "industry": "化学原料制造",
                                "aboveDesignatedSize": true, "employees": 300},
                 "district": "%s", "street": "西固城街道",
                 "contact": {"name": "孙八", "phone": "13919310000"},
                 "plannedDate": "%s", "returningEmployees": 200, "employeesFromHubei": 0,
                 "prevention": {"responsiblePerson": "周九", "disinfectionsPerDay": %d,
                                "entrySteps": %s,
                                "masksInStock": 3000, "thermometers": %d, "emergencyPlan": %s}}
                """.formatted(name, TestData.creditCode(), district, TestData.today(), disinfections, entrySteps,
                thermometers, emergencyPlan);
        Api.Response created = api.postJson("/reopenings", body);
        assertEquals(201, created.status(), created.body());
        return created.json().get("id").asText();
    }

    @Test
    void staffApproveASubmittedApplicationAndMarkItReopened(Api api, LocalStack stack) {
        String id = submitApplication(api, "xigu");
        signIn(stack);
        browser.choose("filter-status", "SUBMITTED");
        browser.choose("filter-district", "xigu");
        browser.click("filter-apply");
        browser.visible("open-" + id);
        browser.screenshot("staff-applications");
        browser.click("open-" + id);

        browser.visible("app-details");
        assertEquals("已提交，待审批", browser.textOf("details-status"));
        assertEquals("1", browser.textOf("details-version"));
        browser.screenshot("staff-details");
        browser.click("approve");
        browser.visible("confirm-dialog");
        browser.click("confirm-ok");
        browser.until(d -> "已批准".equals(browser.id("details-status").getText()) ? true : null);
        assertEquals("2", browser.textOf("details-version"));
        // approved, it leaves the list of submitted applications, and the count says so
        assertTrue(browser.driver().findElements(By.id("open-" + id)).isEmpty());
        int rows = browser.driver().findElements(By.cssSelector("#app-rows tr")).size();
        assertEquals("共显示 " + rows + " 条申请", browser.textOf("app-count"));
        assertEquals(rows > 0, browser.id("app-table").isDisplayed(), "no empty table under the count");

        browser.visible("mark-reopened");
        assertEquals(TestData.today().toString(), browser.id("reopened-date").getAttribute("value"));
        browser.click("mark-reopened");
        browser.until(d -> "已复工".equals(browser.id("details-status").getText()) ? true : null);
        browser.screenshot("staff-reopened");
        browser.size(Browser.PHONE);
        browser.screenshot("staff-reopened");
        browser.size(Browser.DESKTOP);

        JsonNode app = api.get("/reopenings/" + id).json();
        assertEquals("REOPENED", app.get("status").asText());
        assertEquals(TestData.today().toString(), app.get("reopenedOn").asText());
        List<WebElement> history = browser.driver().findElements(By.cssSelector("#details-history li"));
        assertEquals(3, history.size());
    }

    @Test
    void staffCompileTodaysReportAndDownloadItsFilesThroughThePresignedLinks(Api api, LocalStack stack) throws Exception {
        // runs as soon as the reports and summary functions are on main (checked against their branch: green)
        Assumptions.assumeTrue(onClassPath("cn.lanzhou.epidemic.reports.ReportsHandler")
                && onClassPath("cn.lanzhou.epidemic.summary.SummaryHandler"), "waiting for the reports function to be merged into main");
        submitApplication(api, "chengguan");
        signIn(stack);
        browser.click("tab-reports");
        String today = TestData.today().toString();
        browser.setValue("report-date", today);
        browser.click("compile-day");
        assertTrue(browser.textOf("report-message").contains(today), browser.textOf("report-message"));

        // compiling runs in the background: wait until the API serves the complete set (a cold first
        // compilation on a busy machine takes a while), then show it once and read the link
        String token = stack.staffToken();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (api.get("/reports/" + today, token).status() != 200) {
            assertTrue(System.nanoTime() < deadline, "the report of " + today + " was not compiled within 120 s");
            Thread.sleep(500);
        }
        browser.click("report-view");
        String csvUrl = browser.until(d -> {
            List<WebElement> links = d.findElements(By.cssSelector("a.report-link[data-name='summary.csv']"));
            return links.isEmpty() || !links.get(0).isDisplayed() ? null : links.get(0).getAttribute("href");
        });
        browser.screenshot("staff-report");

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<byte[]> file = http.send(HttpRequest.newBuilder(URI.create(csvUrl)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, file.statusCode());
        byte[] bytes = file.body();
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3), "UTF-8 with BOM");
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertTrue(text.contains("城关区"), text);

        String jsonHref = browser.find("a.report-link[data-name='summary.json']").getAttribute("href");
        HttpResponse<String> json = http.send(HttpRequest.newBuilder(URI.create(jsonHref)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, json.statusCode());
        JsonNode summary = JSON.readTree(json.body());
        assertEquals(today, summary.get("date").asText());
        assertEquals(9, summary.get("districts").size());
        assertTrue(summary.get("totals").get("reopenings").get("submitted").asInt() >= 1);

        // a tampered link is refused: the presigned URL is what grants access
        int at = jsonHref.indexOf("Signature=") + "Signature=".length();
        String tamperedHref = jsonHref.substring(0, at) + (jsonHref.charAt(at) == '0' ? '1' : '0') + jsonHref.substring(at + 1);
        HttpResponse<Void> tampered = http.send(HttpRequest.newBuilder(URI.create(tamperedHref)).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        assertEquals(403, tampered.statusCode());
    }

    private static boolean onClassPath(String className) {
        try {
            Class.forName(className, false, StaffConsoleBrowserTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    @Test
    void aBadTokenReturnsToSignInWithAMessage(LocalStack stack) {
        browser.js("sessionStorage.clear();");
        browser.open("/staff.html");
        browser.openTokenSignIn();
        browser.visible("staff-token");
        browser.js("arguments[0].value = 'not-a-token';", browser.id("staff-token"));
        browser.click("signin-submit");
        assertTrue(browser.visible("signin-message").getText().length() > 0);
        browser.screenshot("staff-bad-token");
    }

    private static void openApplication(LocalStack stack, String district, String id) {
        signIn(stack);
        browser.choose("filter-status", "SUBMITTED");
        browser.choose("filter-district", district);
        browser.click("filter-apply");
        browser.visible("open-" + id);
        browser.click("open-" + id);
        browser.until(d -> id.equals(d.findElement(By.id("details-id")).getText()) ? true : null);
    }

    private static String focused() {
        return (String) browser.js("return document.activeElement && document.activeElement.id;");
    }

    @Test
    void aRejectionReasonTypedForOneApplicationIsGoneWhenTheNextIsOpened(Api api, LocalStack stack) {
        String first = submitApplication(api, "honggu", "红古某建材有限公司", "[\"MASK\"]", 3, 1, true);
        String second = submitApplication(api, "honggu", "红古某食品有限公司", "[\"MASK\"]", 3, 1, true);
        openApplication(stack, "honggu", first);
        browser.type("reject-reason", "防控方案不完整，请补充体温检测");
        browser.click("reject");
        browser.visible("confirm-dialog");
        assertTrue(browser.textOf("confirm-title").contains("红古某建材有限公司"), browser.textOf("confirm-title"));
        browser.click("confirm-ok");
        browser.until(d -> "未批准".equals(d.findElement(By.id("details-status")).getText()) ? true : null);

        browser.click("open-" + second);
        browser.until(d -> second.equals(d.findElement(By.id("details-id")).getText()) ? true : null);
        assertEquals("", browser.id("reject-reason").getAttribute("value"), "the first application's reason does not carry over");
        assertEquals("SUBMITTED", api.get("/reopenings/" + second).json().get("status").asText());
        browser.screenshot("staff-second-application");
    }

    @Test
    void approvingAsksFirstNamingTheEnterpriseAndWhatItsPlanLacks(Api api, LocalStack stack) {
        // one entry step of six, 2 disinfections a day, no emergency plan, no thermometer: 8 of 9 missing
        String id = submitApplication(api, "gaolan", "皋兰某纺织有限公司", "[\"MASK\"]", 2, 0, false);
        openApplication(stack, "gaolan", id);
        browser.click("approve");
        browser.visible("confirm-dialog");
        String title = browser.textOf("confirm-title");
        String text = browser.textOf("confirm-text");
        assertTrue(title.contains("皋兰某纺织有限公司"), title);
        assertTrue(text.contains("缺 8 项") && text.contains("应急处置预案") && text.contains("配备体温计"), text);
        browser.screenshot("staff-confirm-approve");
        browser.click("confirm-cancel");
        assertFalse(browser.id("confirm-dialog").isDisplayed());
        assertEquals("approve", focused(), "the focus returns to the button");
        assertEquals("SUBMITTED", api.get("/reopenings/" + id).json().get("status").asText(), "cancelled: nothing decided");

        browser.click("approve");
        browser.visible("confirm-dialog");
        browser.click("confirm-ok");
        browser.until(d -> "已批准".equals(d.findElement(By.id("details-status")).getText()) ? true : null);
        String history = browser.textOf("details-history");
        assertTrue(history.contains("申请企业") && !history.contains("applicant"), history);
    }

    @Test
    void onALaptopTheDetailsOpenBesideTheList(Api api, LocalStack stack) {
        String id = submitApplication(api, "yongdeng");
        openApplication(stack, "yongdeng", id);
        @SuppressWarnings("unchecked")
        List<Number> table = (List<Number>) browser.js("const r = document.getElementById('app-table').getBoundingClientRect(); return [r.left, r.right, r.top, r.bottom];");
        @SuppressWarnings("unchecked")
        List<Number> details = (List<Number>) browser.js("const r = document.getElementById('app-details').getBoundingClientRect(); return [r.left, r.right, r.top, r.bottom];");
        assertTrue(details.get(0).doubleValue() >= table.get(1).doubleValue() - 1, "details to the right of the list: " + table + " " + details);
        assertTrue(details.get(2).doubleValue() < table.get(3).doubleValue(), "side by side, not below: " + table + " " + details);
        assertTrue(browser.textOf("details-short").matches("[0-9A-Z]{4}-[0-9A-Z]{4}"), browser.textOf("details-short"));
        assertEquals(browser.textOf("details-short"), browser.find("tr[data-id='" + id + "'] .short-id").getText());
        browser.screenshot("staff-details-beside");
    }

    @Test
    void aConflictKeepsTheFocusOnTheReloadButton(Api api, LocalStack stack) {
        String id = submitApplication(api, "yuzhong");
        openApplication(stack, "yuzhong", id);
        // someone else decides meanwhile
        Api.Response other = api.postJson("/reopenings/" + id + "/decision", "{\"decision\": \"APPROVE\", \"expectedVersion\": 1}", stack.staffToken());
        assertEquals(200, other.status(), other.body());
        browser.type("reject-reason", "资料不全");
        browser.click("reject");
        browser.visible("confirm-dialog");
        browser.click("confirm-ok");
        browser.visible("conflict");
        browser.until(d -> "conflict-reload".equals(focused()) ? true : null);
        browser.click("conflict-reload");
        browser.until(d -> "已批准".equals(d.findElement(By.id("details-status")).getText()) ? true : null);
        assertEquals("", browser.id("reject-reason").getAttribute("value"));
    }

    @Test
    void anEmptyTokenAsksForTheTokenRatherThanCallingItMalformed() {
        browser.js("sessionStorage.clear();");
        browser.open("/staff.html");
        browser.openTokenSignIn();
        browser.visible("staff-token");
        browser.click("signin-submit");
        assertEquals("请先粘贴工作人员令牌。", browser.visible("signin-message").getText());
    }
}
