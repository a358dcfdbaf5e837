package cn.lanzhou.epidemic.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.lanzhou.epidemic.local.LocalStack;
import cn.lanzhou.epidemic.local.LocalStackExtension;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The forms with JavaScript switched off in the browser: the browser posts
 * application/x-www-form-urlencoded itself and the function answers a Chinese HTML page.
 */
@ExtendWith(LocalStackExtension.class)
class NoJavaScriptFormsBrowserTest {
    private static Browser browser;

    @BeforeAll
    static void startBrowser(LocalStack stack) {
        browser = Browser.start(stack.baseUrl(), false);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void phoneWidth() {
        browser.size(Browser.PHONE);
    }

    /** The HTTP status of the page shown, from the navigation timing entry (WebDriver scripts run with page scripts off). */
    private static int status() {
        return ((Number) browser.js("return performance.getEntriesByType('navigation')[0].responseStatus;")).intValue();
    }

    private static String page() {
        return browser.find("body").getText();
    }

    @Test
    void theScriptsReallyAreOff() {
        browser.open("/donate.html");
        // the module script would have filled the list from GET /districts and shown the language button
        assertFalse(browser.id("lang-toggle").isDisplayed());
        assertEquals(null, browser.id("donation-form").getAttribute("data-idempotency-key"));
    }

    @Test
    void aFundsDonationPostedWithoutJavaScriptShowsTheHtmlReceipt(LocalStack stack) {
        LocalDate today = TestData.today();
        int before = TestData.districtDay(stack, "DON", today, "yuzhong").size();
        browser.open("/donate.html");
        browser.type("donor-name", "甘肃某公司");
        new org.openqa.selenium.support.ui.Select(browser.id("district")).selectByValue("yuzhong");
        browser.type("amount", "888.8");
        browser.screenshot("nojs-donate-filled");
        browser.click("submit");

        browser.until(d -> d.getCurrentUrl().endsWith("/donations") ? true : null);
        assertEquals(201, status());
        String page = page();
        assertTrue(page.matches("(?s).*DN-[0-9-]+-[0-9A-Z]{6}.*"), page);
        assertTrue(page.contains("888.80"), page);
        assertTrue(page.contains("请保存本页作为凭证"), page);
        browser.screenshot("nojs-donate-receipt");
        assertEquals(before + 1, TestData.districtDay(stack, "DON", today, "yuzhong").size());
    }

    @Test
    void aFormWithAFieldErrorPostedWithoutJavaScriptShowsTheHtmlErrorPageWithTheFieldList() {
        browser.open("/donate.html");
        browser.type("donor-name", "甘肃某公司");
        new org.openqa.selenium.support.ui.Select(browser.id("district")).selectByValue("yuzhong");
        browser.type("amount", "12.345");
        browser.click("submit");

        browser.until(d -> d.getCurrentUrl().endsWith("/donations") ? true : null);
        assertEquals(400, status());
        assertEquals("捐赠金额", browser.find("ul.error li strong").getText(), "the field's name as the form shows it, not its API path");
        String page = page();
        assertFalse(page.contains("amount") || page.contains(" / ") || page.contains("English"), "one language, no field names: " + page);
        assertTrue(page.contains("返回"), page);
        assertFalse(browser.driver().findElements(By.cssSelector("a[href]")).isEmpty(), "a link back to the form");
        browser.screenshot("nojs-donate-error");

        // the browser's Back keeps what was typed
        browser.driver().navigate().back();
        browser.until(d -> d.getCurrentUrl().endsWith("/donate.html") ? true : null);
        assertEquals("甘肃某公司", browser.id("donor-name").getAttribute("value"));
        assertEquals("12.345", browser.id("amount").getAttribute("value"));
    }

    @Test
    void aRegistrationPostedWithoutJavaScriptShowsTheHtmlReceiptWithTheMaskedId() {
        browser.open("/register.html");
        new org.openqa.selenium.support.ui.Select(browser.id("district")).selectByValue("chengguan");
        browser.click("site-type-CHECKPOINT");
        browser.type("site-code", "G312-02");
        browser.type("name", "张三");
        browser.type("idNumber", TestData.RESIDENT_ID);
        browser.type("phone", TestData.PHONE);
        browser.type("temperatureCelsius", "36.6");
        browser.click("consent");
        browser.click("submit");

        browser.until(d -> d.getCurrentUrl().endsWith("/registrations") ? true : null);
        assertEquals(201, status());
        String page = page();
        assertTrue(page.contains("1***************2X"), page);
        assertFalse(page.contains(TestData.RESIDENT_ID), "the full ID number is not shown back");
        assertTrue(page.contains("城关区") && page.contains("低风险") && page.contains("无需隔离"), page);
        String today = TestData.today().format(java.time.format.DateTimeFormatter.ofPattern("yyyy年M月d日"));
        assertTrue(page.contains(today) && page.contains("北京时间"), "local date and time: " + page);
        for (String code : java.util.List.of("chengguan", "LOW", "false", "true", " / ", "Registered")) {
            assertFalse(page.contains(code), code + " in " + page);
        }
        browser.screenshot("nojs-register-receipt");
        String next = browser.find("p.actions a").getAttribute("href");
        assertTrue(next.contains("siteCode=G312-02") && next.contains("district=chengguan"), "登记下一位 names the site: " + next);
        // without JavaScript the query cannot fill the form; Back can, and keeps the site
        browser.driver().navigate().back();
        browser.until(d -> d.getCurrentUrl().endsWith("/register.html") ? true : null);
        assertEquals("G312-02", browser.id("site-code").getAttribute("value"), "Back keeps the site");
    }

    @Test
    void aReopeningPostedWithoutJavaScriptShowsTheHtmlReceiptWithTheApplicationId() {
        browser.open("/reopen.html");
        browser.type("enterprise-name", "兰州某食品有限公司");
        browser.type("enterprise-creditCode", TestData.creditCode());
        browser.type("enterprise-industry", "食品制造");
        browser.type("enterprise-employees", "30");
        new org.openqa.selenium.support.ui.Select(browser.id("district")).selectByValue("anning");
        browser.type("street", "培黎街道");
        // a date input takes keystrokes in the order of the browser's locale; WebDriver sets the value directly
        browser.setValue("plannedDate", TestData.today().plusDays(2).toString());
        browser.type("contact-name", "赵六");
        browser.type("contact-phone", "13909310000");
        browser.type("returningEmployees", "20");
        browser.type("employeesFromHubei", "0");
        browser.type("prevention-responsiblePerson", "钱七");
        browser.type("prevention-disinfectionsPerDay", "3");
        browser.click("prevention-entrySteps-MASK");
        browser.type("prevention-masksInStock", "100");
        browser.type("prevention-thermometers", "1");
        browser.screenshot("nojs-reopen-filled");
        browser.click("submit");

        browser.until(d -> d.getCurrentUrl().endsWith("/reopenings") ? true : null);
        assertEquals(201, status(), page());
        String page = page();
        assertTrue(page.contains("已提交，待审批") && !page.contains("SUBMITTED"), page);
        assertTrue(page.contains("进厂测量体温") && !page.contains("TEMPERATURE"), "what the plan lacks, in words: " + page);
        browser.screenshot("nojs-reopen-receipt");
    }

    private static void fillReopening(String creditCode) {
        browser.open("/reopen.html");
        browser.type("enterprise-name", "兰州某食品有限公司");
        browser.type("enterprise-creditCode", creditCode);
        browser.type("enterprise-industry", "食品制造");
        browser.type("enterprise-employees", "30");
        new org.openqa.selenium.support.ui.Select(browser.id("district")).selectByValue("anning");
        browser.type("street", "培黎街道");
        browser.setValue("plannedDate", TestData.today().plusDays(2).toString());
        browser.type("contact-name", "赵六");
        browser.type("contact-phone", "13909310000");
        browser.type("returningEmployees", "20");
        browser.type("employeesFromHubei", "0");
        browser.type("prevention-responsiblePerson", "钱七");
        browser.type("prevention-disinfectionsPerDay", "3");
        browser.type("prevention-masksInStock", "100");
        browser.type("prevention-thermometers", "1");
    }

    @Test
    void aSecondApplicationOfTheSameEnterpriseLinksToTheOpenOne() {
        String code = TestData.creditCode();
        fillReopening(code);
        browser.click("submit");
        browser.until(d -> d.getCurrentUrl().endsWith("/reopenings") ? true : null);
        assertEquals(201, status());
        fillReopening(code);
        browser.click("submit");
        browser.until(d -> d.getCurrentUrl().endsWith("/reopenings") ? true : null);
        assertEquals(409, status());
        String href = browser.find("p.actions a").getAttribute("href");
        assertTrue(href.contains("/status.html?id="), href);
        assertFalse(page().contains("existingId"), page());
        browser.screenshot("nojs-reopen-duplicate");
    }

    @Test
    void aHighRiskRegistrationWithoutJavaScriptSaysWhatToDoNext() {
        browser.open("/register.html");
        new org.openqa.selenium.support.ui.Select(browser.id("district")).selectByValue("xigu");
        browser.click("site-type-CHECKPOINT");
        browser.type("site-code", "G312-03");
        browser.type("name", "张三");
        browser.type("idNumber", TestData.RESIDENT_ID);
        browser.type("phone", TestData.PHONE);
        browser.type("temperatureCelsius", "38.2");
        browser.click("consent");
        browser.click("submit");
        browser.until(d -> d.getCurrentUrl().endsWith("/registrations") ? true : null);
        assertEquals(201, status());
        String heading = browser.find("h1").getText();
        assertFalse(heading.contains("登记成功"), heading);
        assertTrue(browser.find("[role=alert]").getText().contains("12320"), page());
        assertTrue(page().contains("高风险"), page());
        browser.screenshot("nojs-register-high-risk");
    }

    @Test
    void thePageIsInEnglishWhenTheBrowserAsksForEnglish(cn.lanzhou.epidemic.local.Api api) {
        String form = "name=%E5%BC%A0%E4%B8%89&idType=RESIDENT_ID&idNumber=" + TestData.RESIDENT_ID + "&phone=" + TestData.PHONE
                + "&district=chengguan&site.type=COMMUNITY&site.code=C-01&consent=true";
        cn.lanzhou.epidemic.local.Api.Response response = api.send(api.request("/registrations")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .header("Accept-Language", "en-GB,en;q=0.9,zh-CN;q=0.5")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)));
        assertEquals(201, response.status(), response.body());
        assertTrue(response.body().contains("lang=\"en\"") && response.body().contains("Chengguan"), response.body());
        assertFalse(response.body().contains("登记"), "one language at a time: " + response.body());
    }
}
