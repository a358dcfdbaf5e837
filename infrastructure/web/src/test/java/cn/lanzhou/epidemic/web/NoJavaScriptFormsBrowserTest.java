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
        assertEquals("amount", browser.find("ul.error li strong").getText());
        assertFalse(browser.driver().findElements(By.cssSelector("a[href]")).isEmpty(), "a link back to the form");
        browser.screenshot("nojs-donate-error");
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
        browser.screenshot("nojs-register-receipt");
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
        assertTrue(page.contains("SUBMITTED") || page.contains("已提交"), page);
        browser.screenshot("nojs-reopen-receipt");
    }
}
