package cn.lanzhou.epidemic.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.lanzhou.epidemic.local.Api;
import cn.lanzhou.epidemic.local.LocalStack;
import cn.lanzhou.epidemic.local.LocalStackExtension;
import cn.lanzhou.epidemic.local.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The follow-up pages at phone width: an observation site's day (observe.html: fever and missed
 * slots first, a temperature in two taps, a double tap and a lost answer making one check, a taken
 * slot, the release refused with its missing slots then accepted as a transfer, a stale version) and
 * tracing (trace.html: a person's registrations, a site's day in pages, putting a registration under
 * observation, the 409 linking to the current one, the 403 without the tracer group), with the ID
 * number never in the address bar, a requested URL or the browser's storage.
 */
@ExtendWith(LocalStackExtension.class)
class FollowUpBrowserTest {
    static final String NURSE = Tokens.mint("nurse-web", List.of("staff"), Duration.ofHours(2));
    static final String TRACER = Tokens.mint("tracer-web", List.of("staff", "tracer"), Duration.ofHours(2));
    private static Browser browser;

    @BeforeAll
    static void startBrowser(LocalStack stack) {
        browser = Browser.start(stack.baseUrl(), true);
        browser.size(Browser.PHONE);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    /** Signs in on the staff console with a pasted token (signing out whoever was signed in). */
    static void signIn(Browser browser, String token) {
        browser.open("/staff.html");
        browser.until(d -> browser.id("console").isDisplayed() || browser.id("signin").isDisplayed() ? true : null);
        if (browser.id("console").isDisplayed()) {
            browser.click("signout");
            browser.visible("signin");
        }
        browser.openTokenSignIn();
        browser.visible("staff-token");
        browser.js("arguments[0].value = arguments[1];", browser.id("staff-token"), token);
        browser.click("signin-submit");
        browser.visible("console");
    }

    static String observe(Api api, String name, String idNumber, String site, LocalDate start) {
        Api.Response created = api.postJson("/observations", """
                {"person": {"name": "%s", "idType": "RESIDENT_ID", "idNumber": "%s", "phone": "%s"},
                 "district": "chengguan", "site": {"type": "OBSERVATION", "code": "%s"},
                 "reason": "CLOSE_CONTACT", "startDate": "%s"}
                """.formatted(name, idNumber, TestData.PHONE, site, start), NURSE);
        assertEquals(201, created.status(), created.body());
        return created.json().get("id").asText();
    }

    static String register(Api api, String name, String idNumber, String site, OffsetDateTime at) {
        Api.Response created = api.postJson("/registrations", """
                {"name": "%s", "idNumber": "%s", "phone": "%s", "district": "qilihe",
                 "site": {"type": "CHECKPOINT", "code": "%s"}, "temperatureCelsius": 36.4,
                 "occurredAt": "%s", "consent": true}
                """.formatted(name, idNumber, TestData.PHONE, site, at));
        assertEquals(201, created.status(), created.body());
        return created.json().get("id").asText();
    }

    static JsonNode observation(Api api, String id) {
        Api.Response got = api.get("/observations/" + id, NURSE);
        assertEquals(200, got.status(), got.body());
        return got.json();
    }

    /** "2月14日 下午", as the pages name a slot. */
    static String slotText(LocalDate date, String slot) {
        return date.getMonthValue() + "月" + date.getDayOfMonth() + "日 " + ("AM".equals(slot) ? "上午" : "下午");
    }

    private String status(String observationId, String slot) {
        return browser.id("slot-" + observationId + "-" + slot).getAttribute("data-status");
    }

    private void waitForStatus(String observationId, String slot, String status) {
        browser.until(d -> status.equals(status(observationId, slot)) ? true : null);
    }

    /** The cards' observation ids, top to bottom. */
    private static List<String> cardOrder() {
        List<String> ids = new ArrayList<>();
        for (WebElement card : browser.driver().findElements(By.cssSelector("#obs-list > li.obs-card"))) {
            ids.add(card.getAttribute("data-id"));
        }
        return ids;
    }

    /** 0 for a card with the fever badge, 1 for the missed badge, 2 for none: as the clerk sees it. */
    private static int badgeRank(String id) {
        String badges = browser.find("#obs-" + id + " .obs-name").getText();
        return badges.contains("发热") ? 0 : badges.contains("漏测") ? 1 : 2;
    }

    @Test
    void anObservationSitesDayFeverFirstTwoTapChecksOneCheckPerDoubleTapAndARelease(Api api) {
        String site = TestData.siteCode("WEB-OBS");
        LocalDate today = TestData.today();
        String first = observe(api, "张一", TestData.residentId(), site, today);
        String long14 = observe(api, "王二", TestData.residentId(), site, today.minusDays(14));
        String newest = observe(api, "李三", TestData.residentId(), site, today);

        // from the staff console to the site's page
        signIn(browser, NURSE);
        browser.click("nav-observe");
        browser.until(d -> d.getCurrentUrl().contains("/observe.html") ? true : null);
        browser.visible("console");
        browser.type("site-code", site);
        browser.click("site-load");
        browser.visible("obs-" + first);
        assertEquals(3, cardOrder().size(), cardOrder().toString());
        assertTrue(browser.textOf("site-summary").startsWith("观察中 3 人"), browser.textOf("site-summary"));
        assertEquals(1, badgeRank(long14), "missed checks of the days before are flagged");
        String missed = browser.find("#obs-" + long14 + " .obs-alert").getText();
        assertTrue(missed.startsWith("漏测 28 次：…") && missed.endsWith(slotText(today.minusDays(1), "AM") + "、" + slotText(today.minusDays(1), "PM")), missed);
        List<Integer> ranks = cardOrder().stream().map(FollowUpBrowserTest::badgeRank).toList();
        assertEquals(ranks.stream().sorted().toList(), ranks, "missed slots before the rest: " + cardOrder());
        browser.screenshot("observe-list");

        // AM in two taps: the slot, then the temperature
        assertTrue(List.of("DUE", "MISSING").contains(status(newest, "AM")));
        browser.click("slot-" + newest + "-AM");
        browser.visible("check-dialog");
        assertEquals("李三 · 上午体温", browser.textOf("check-title"));
        browser.screenshot("observe-check");
        browser.click("temp-36-5");
        waitForStatus(newest, "AM", "DONE");
        assertFalse(browser.id("check-dialog").isDisplayed());
        assertEquals("已记录上午体温 36.5 °C", browser.textOf("msg-" + newest));
        JsonNode checked = observation(api, newest);
        assertEquals(1, checked.get("checks").size());
        assertEquals(36.5, checked.get("checks").get(0).get("temperatureCelsius").asDouble());
        assertEquals(today.toString(), checked.get("checks").get(0).get("localDate").asText());
        assertEquals("nurse-web", checked.get("checks").get(0).get("recordedBy").asText());

        // a double tap on a fever temperature, whose first answer is lost on the way back: one check,
        // the retry sent with the same Idempotency-Key
        browser.click("slot-" + first + "-AM");
        browser.visible("check-dialog");
        browser.js("""
                window.__keys = [];
                const realFetch = window.fetch;
                let dropped = false;
                window.fetch = async (url, init) => {
                  if (String(url).includes('/checks')) window.__keys.push(init.headers['Idempotency-Key']);
                  const res = await realFetch(url, init);
                  if (String(url).includes('/checks') && !dropped) { dropped = true; throw new TypeError('answer lost'); }
                  return res;
                };
                const b = document.getElementById('temp-37-5');
                b.click(); b.click();""");
        waitForStatus(first, "AM", "FEVER");
        @SuppressWarnings("unchecked")
        List<String> keys = (List<String>) browser.js("return window.__keys;");
        assertEquals(2, keys.size(), "the tap and its one retry, the second tap ignored: " + keys);
        assertEquals(keys.get(0), keys.get(1), "the retry keeps the tap's key");
        JsonNode fever = observation(api, first);
        assertEquals(1, fever.get("checks").size(), fever.toString());
        assertTrue(fever.get("alerts").get("fever").asBoolean());
        assertEquals(first, cardOrder().get(0), "fever first: " + cardOrder());
        assertEquals(0, badgeRank(first));
        assertTrue(browser.textOf("msg-" + first).contains("发热"), browser.textOf("msg-" + first));
        browser.screenshot("observe-fever-first");

        // a slot taken meanwhile by a colleague is said so, and nothing is recorded twice
        browser.click("slot-" + newest + "-PM");
        browser.visible("check-dialog");
        Api.Response colleague = api.postJson("/observations/" + newest + "/checks",
                "{\"localDate\": \"" + today + "\", \"slot\": \"PM\", \"temperatureCelsius\": 36.7}", NURSE);
        assertEquals(201, colleague.status(), colleague.body());
        browser.click("temp-36-6");
        browser.visible("check-problem");
        assertEquals(slotText(today, "PM") + "已有体温记录（可能已由他人记录），本次未重复记录。", browser.textOf("check-problem"));
        browser.click("check-cancel");
        waitForStatus(newest, "PM", "DONE");
        assertEquals(2, observation(api, newest).get("checks").size());

        // release: COMPLETED refused with yesterday's missing slots, then a transfer with its reason
        browser.click("release-" + long14);
        browser.visible("release-dialog");
        browser.click("release-submit");
        browser.visible("release-missing");
        assertEquals("缺少体温记录：" + slotText(today.minusDays(1), "AM") + "、" + slotText(today.minusDays(1), "PM"),
                browser.textOf("release-missing"));
        assertTrue(browser.textOf("release-problem").startsWith("尚不能期满解除"));
        browser.screenshot("observe-release-refused");
        assertEquals("ACTIVE", observation(api, long14).get("status").asText());
        browser.click("release-outcome-TRANSFERRED");
        browser.click("release-submit");
        assertEquals("转院或提前结束须填写理由", browser.textOf("release-reason-error"));
        browser.type("release-reason", "发热，转定点医院");
        browser.click("release-submit");
        browser.until(d -> !browser.id("release-dialog").isDisplayed() ? true : null);
        assertEquals("已解除观察：王二（转院）", browser.textOf("site-message"));
        browser.until(d -> d.findElements(By.id("obs-" + long14)).isEmpty() ? true : null);
        JsonNode transferred = observation(api, long14);
        assertEquals("TRANSFERRED", transferred.get("status").asText());
        assertEquals("发热，转定点医院", transferred.get("releaseReason").asText());

        // released by someone else after the list was shown: the stale version is said in words
        browser.click("release-" + newest);
        browser.visible("release-dialog");
        Api.Response other = api.postJson("/observations/" + newest + "/release",
                "{\"outcome\": \"ENDED_EARLY\", \"reason\": \"家属接回\", \"expectedVersion\": 1}", NURSE);
        assertEquals(200, other.status(), other.body());
        browser.click("release-outcome-ENDED_EARLY");
        browser.type("release-reason", "本人要求");
        browser.click("release-submit");
        browser.visible("release-reload");
        assertTrue(browser.textOf("release-problem").startsWith("该记录已被他人修改"), browser.textOf("release-problem"));
        browser.click("release-reload");
        browser.until(d -> d.findElements(By.id("obs-" + newest)).isEmpty() ? true : null);
        assertEquals("家属接回", observation(api, newest).get("releaseReason").asText());
    }

    @Test
    void tracingLooksUpAPersonPagesASitesDayAndPutsARegistrationUnderObservation(Api api) {
        String idNumber = TestData.residentId();
        String checkpoint = TestData.siteCode("WEB-CP");
        OffsetDateTime now = OffsetDateTime.now(TestData.ZONE);
        String earlier = register(api, "赵六", idNumber, checkpoint, now.minusMinutes(50));
        List<String> others = new ArrayList<>();
        for (int i = 0; i < 19; i++) {
            others.add(register(api, "路人" + i, TestData.residentId(), checkpoint, now.minusMinutes(40).plusSeconds(i)));
        }
        String later = register(api, "赵六", idNumber, checkpoint, now.minusMinutes(10));

        signIn(browser, TRACER);
        browser.click("nav-trace");
        browser.until(d -> d.getCurrentUrl().contains("/trace.html") ? true : null);
        browser.visible("console");
        assertFalse(browser.id("tracer-hint").isDisplayed(), "a tracer is not warned");

        // the person: registrations newest first, the ID number shown masked and gone from the input
        browser.type("lookup-idNumber", idNumber);
        browser.type("lookup-purpose", "确诊病例密接排查");
        browser.click("lookup-submit");
        browser.visible("lookup-result");
        assertEquals(TestData.masked(idNumber), browser.textOf("lookup-masked"));
        List<String> rows = new ArrayList<>();
        for (WebElement row : browser.driver().findElements(By.cssSelector("#lookup-reg-rows tr"))) {
            rows.add(row.getAttribute("data-id"));
        }
        assertEquals(List.of(later, earlier), rows);
        assertEquals("共 2 条登记（最新在前）", browser.textOf("lookup-reg-count"));
        assertTrue(browser.find("#lookup-reg-rows tr[data-id='" + later + "']").getText().contains("道路卡口 " + checkpoint));
        assertEquals("无医学观察记录", browser.find("#lookup-obs-list li").getText());
        assertEquals("", browser.id("lookup-idNumber").getAttribute("value"));
        browser.screenshot("trace-lookup");
        assertIdNumberNowhere(idNumber);

        // the site's day, in time order, 20 a page
        browser.choose("visits-siteType", "CHECKPOINT");
        browser.type("visits-siteCode", checkpoint);
        browser.type("visits-purpose", "同场所人员排查");
        browser.click("visits-submit");
        browser.until(d -> d.findElements(By.cssSelector("#visits-rows tr")).size() == 20 ? true : null);
        assertEquals(earlier, browser.find("#visits-rows tr:first-child").getAttribute("data-id"));
        assertTrue(browser.find("#visits-rows tr:first-child").getText().contains("赵六"));
        assertTrue(browser.find("#visits-rows tr:first-child").getText().contains(TestData.masked(idNumber)));
        browser.visible("visits-more");
        browser.click("visits-more");
        browser.until(d -> d.findElements(By.cssSelector("#visits-rows tr")).size() == 21 ? true : null);
        assertEquals(later, browser.find("#visits-rows tr:last-child").getAttribute("data-id"));
        assertFalse(browser.id("visits-more").isDisplayed(), "the last page");
        assertTrue(browser.textOf("visits-count").contains("已显示 21 人"), browser.textOf("visits-count"));
        browser.screenshot("trace-visits");

        // put under observation from the lookup's newest registration
        String observationSite = TestData.siteCode("WEB-GC");
        browser.click("observe-reg-" + later);
        browser.visible("observe-dialog");
        assertEquals("qilihe", browser.id("observe-district").getAttribute("value"), "the registration's district");
        browser.type("observe-siteCode", observationSite);
        browser.choose("observe-reason", "CLOSE_CONTACT");
        browser.click("observe-submit");
        browser.visible("observe-done");
        LocalDate today = TestData.today();
        assertEquals("已设为医学观察：赵六，观察期 " + today + " 至 " + today.plusDays(14), browser.textOf("observe-done-text"));
        assertTrue(browser.id("observe-open-site").getAttribute("href").contains("siteCode=" + observationSite));
        Api.Response listed = api.get("/observations?siteCode=" + observationSite, NURSE);
        assertEquals(1, listed.json().get("items").size(), listed.body());
        String observationId = listed.json().get("items").get(0).get("id").asText();
        assertEquals("赵六", listed.json().get("items").get(0).get("name").asText());
        browser.screenshot("trace-observed");
        browser.click("observe-cancel");

        // the same person again, from the site's list: 409, with a link to the current observation
        browser.click("observe-visit-" + earlier);
        browser.visible("observe-dialog");
        browser.type("observe-siteCode", observationSite);
        browser.click("observe-submit");
        browser.visible("observe-existing");
        assertTrue(browser.textOf("observe-problem").startsWith("此人已在医学观察中"), browser.textOf("observe-problem"));
        assertTrue(browser.id("observe-existing").getAttribute("href").endsWith("observe.html?id=" + observationId));
        assertEquals(1, api.get("/observations?siteCode=" + observationSite, NURSE).json().get("items").size());
        browser.click("observe-existing");
        browser.visible("obs-detail");
        assertEquals("赵六", browser.textOf("detail-heading"));
        assertEquals("观察中", browser.textOf("detail-status"));
        assertIdNumberNowhere(idNumber);

        // without the tracer group: warned on the page, and the lookup's 403 said in words
        signIn(browser, NURSE);
        browser.open("/trace.html");
        browser.visible("tracer-hint");
        browser.type("lookup-idNumber", idNumber);
        browser.type("lookup-purpose", "确诊病例密接排查");
        browser.click("lookup-submit");
        browser.visible("lookup-problem");
        assertEquals("该账号不在流调人员（tracer）组，无权查询。请联系管理员开通。", browser.textOf("lookup-problem"));
        assertFalse(browser.id("lookup-result").isDisplayed());
        assertIdNumberNowhere(idNumber);
    }

    /** Not in the address bar, in any URL the page requested, or in localStorage / sessionStorage. */
    static void assertIdNumberNowhere(String idNumber) {
        assertFalse(browser.driver().getCurrentUrl().contains(idNumber), browser.driver().getCurrentUrl());
        String requested = String.valueOf(browser.js("return performance.getEntriesByType('resource').map((e) => e.name).join('\\n');"));
        assertFalse(requested.contains(idNumber), requested);
        String stored = String.valueOf(browser.js("""
                const all = (s) => Object.keys(s).map((k) => k + '=' + s.getItem(k)).join('\\n');
                return all(localStorage) + '\\n' + all(sessionStorage);"""));
        assertFalse(stored.contains(idNumber), stored);
        assertFalse(stored.contains(idNumber.substring(0, 17)), "not even without its check character");
    }
}
