package cn.lanzhou.epidemic.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.lanzhou.epidemic.local.Api;
import cn.lanzhou.epidemic.local.LocalStack;
import cn.lanzhou.epidemic.local.LocalStackExtension;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A clerk's day at a checkpoint on a phone, and an applicant's resubmission: what used to hurt
 * people — the receipt under the form, input refused for how it was typed, a high risk that
 * looked like a success, a form that failed after a 409.
 */
@ExtendWith(LocalStackExtension.class)
class CheckpointDayBrowserTest {
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

    @BeforeEach
    void phoneWidth() {
        browser.size(Browser.PHONE);
    }

    private static void fillPerson(String idNumber, String phone, String temperature) {
        browser.type("name", "李四");
        browser.type("idNumber", idNumber);
        browser.type("phone", phone);
        browser.type("temperatureCelsius", temperature);
        browser.click("consent");
    }

    private static void openCheckpoint(String siteCode) {
        browser.open("/register.html?district=qilihe&siteType=CHECKPOINT&siteCode=" + siteCode);
        browser.waitForDistricts("district");
    }

    private static String focused() {
        return (String) browser.js("return document.activeElement && document.activeElement.id;");
    }

    @Test
    void theReceiptAppearsAtTheTopWithRegisterTheNextPersonWhichKeepsTheSiteAndFocusesTheName() {
        openCheckpoint("G109-03");
        fillPerson(TestData.RESIDENT_ID, TestData.PHONE, "36.4");
        browser.click("submit");

        browser.visible("receipt");
        Number top = (Number) browser.js("return document.getElementById('receipt').getBoundingClientRect().top;");
        assertTrue(top.doubleValue() >= 0 && top.doubleValue() < 200, "the receipt is on screen at the top, not under the form: " + top);
        browser.screenshot("checkpoint-receipt-top");
        browser.click("next-person");
        assertEquals("name", focused());
        assertFalse(browser.id("receipt").isDisplayed(), "the previous person's receipt is gone");
        assertEquals("G109-03", browser.id("site-code").getAttribute("value"));
        assertEquals("qilihe", browser.id("district").getAttribute("value"));
        assertTrue(browser.id("site-type-CHECKPOINT").isSelected());
        assertFalse(browser.id("consent").isSelected(), "consent is each person's own");
        assertEquals("", browser.id("name").getAttribute("value"));
    }

    @Test
    void thePreviousReceiptIsHiddenAsSoonAsTheNextPersonIsTyped() {
        openCheckpoint("G109-04");
        fillPerson(TestData.RESIDENT_ID, TestData.PHONE, "36.4");
        browser.click("submit");
        browser.visible("receipt");
        browser.id("name").sendKeys("王");
        assertFalse(browser.id("receipt").isDisplayed());
    }

    @Test
    void fullWidthDigitsSpacesAndALowerCaseXAreAcceptedAsAChineseKeyboardTypesThem() {
        openCheckpoint("G109-05");
        fillPerson("１１０１０５ １９４９１２３１ ００２ｘ", "１３８ ００１３ ８０００", "３６．５");
        browser.click("submit");
        browser.visible("receipt");
        assertEquals("1***************2X", browser.textOf("receipt-id-masked"));
        assertEquals("138****8000", browser.textOf("receipt-phone-masked"));
        assertTrue(browser.textOf("receipt-short").matches("[0-9A-Z]{4}-[0-9A-Z]{4}"), browser.textOf("receipt-short"));
        String id = browser.textOf("receipt-id");
        assertTrue(id.endsWith(browser.textOf("receipt-short").replace("-", "")), "the short number is the id's end");
    }

    @Test
    void anIdNumberOfTheWrongLengthSaysHowManyCharactersItHasAndTheErrorGoesOnceCorrected() {
        openCheckpoint("G109-06");
        fillPerson("11010519491231", TestData.PHONE, "36.5");
        browser.click("submit");
        assertEquals("身份证号码应为 18 位，现在是 14 位", browser.visible("idNumber-error").getText());
        assertEquals("true", browser.id("idNumber").getAttribute("aria-invalid"));
        browser.id("idNumber").sendKeys("002X");
        assertFalse(browser.id("idNumber-error").isDisplayed(), "the error goes as the field is corrected, before the next submit");
        assertNull(browser.id("idNumber").getAttribute("aria-invalid"));
        assertFalse(browser.id("error-summary").isDisplayed(), "its line in the summary goes with it");
    }

    @Test
    void aHighRiskResultIsARedBannerWithTheIsolationDateAndWhomToCall() {
        openCheckpoint("G109-07");
        fillPerson(TestData.RESIDENT_ID, TestData.PHONE, "36.5");
        browser.click("contactWithCases");
        browser.click("submit");
        browser.visible("receipt");
        String heading = browser.textOf("receipt-heading");
        assertNotEquals("登记成功", heading);
        assertTrue(heading.contains("高风险"), heading);
        String next = browser.textOf("receipt-next-step");
        assertTrue(next.contains(TestData.today().plusDays(14).toString()), next);
        assertTrue(next.contains("12320"), next);
        String border = (String) browser.js("return getComputedStyle(document.getElementById('receipt')).borderTopColor;");
        assertEquals("rgb(176, 0, 32)", border, "red, not the success green");
        browser.screenshot("checkpoint-high-risk");
    }

    @Test
    void amountsWithThousandsSeparatorsOrYuanAreAcceptedAndTooManyDecimalsSaySo() {
        browser.open("/donate.html?district=anning");
        browser.waitForDistricts("district");
        browser.type("donor-name", "安宁某商会");
        browser.type("amount", "12.345");
        browser.click("submit");
        assertTrue(browser.visible("amount-error").getText().contains("最多两位小数"));
        browser.type("amount", "abc");
        browser.click("submit");
        assertTrue(browser.visible("amount-error").getText().contains("请填写数字金额"), browser.id("amount-error").getText());
        browser.type("amount", "１,０００元");
        browser.click("submit");
        browser.visible("receipt");
        assertTrue(browser.textOf("receipt-value").startsWith("1000.00"), browser.textOf("receipt-value"));
    }

    @Test
    void aCorrectedCreditCodeAfterAnOpenApplication409GoesThroughOnTheFirstClick(Api api) {
        String taken = TestData.creditCode();
        PublicFormsBrowserTest.fillReopening(taken, "chengguan", browser);
        browser.click("submit");
        browser.visible("receipt");
        PublicFormsBrowserTest.fillReopening(taken, "chengguan", browser);
        String firstKey = browser.id("reopening-form").getAttribute("data-idempotency-key");
        browser.click("submit");
        browser.visible("existing-application");
        String problem = browser.textOf("form-problem");
        assertTrue(problem.contains("在办"), problem);
        browser.screenshot("reopen-409");

        String corrected = TestData.creditCode();
        browser.type("enterprise-creditCode", corrected.toLowerCase(Locale.ROOT).substring(0, 9) + " " + corrected.substring(9));
        assertNotEquals(firstKey, browser.id("reopening-form").getAttribute("data-idempotency-key"), "an edited form has a new key");
        browser.click("submit");
        browser.visible("receipt");
        String id = browser.textOf("receipt-id");
        assertEquals(corrected, api.get("/reopenings/" + id).json().get("enterprise").get("creditCode").asText());
        String page = browser.find("body").getText();
        assertFalse(page.contains("幂等") || page.contains("Idempotency"), page);
    }

    @Test
    void theStatusPageFindsAPastedNumberWithSpacesInLowerCase(Api api) {
        String taken = TestData.creditCode();
        PublicFormsBrowserTest.fillReopening(taken, "xigu", browser);
        browser.click("submit");
        browser.visible("receipt");
        String id = browser.textOf("receipt-id");
        String pasted = " " + id.toLowerCase(Locale.ROOT).replaceAll("(.{4})", "$1 ") + " ";
        browser.open("/status.html");
        browser.type("status-id", pasted);
        browser.click("status-submit");
        assertEquals("已提交，待审批", browser.textOf("status-value"));
        assertEquals(id, browser.textOf("status-app-id"));
    }

    @Test
    void noPageShowsTheTimeInUtcOrACode() {
        openCheckpoint("G109-08");
        fillPerson(TestData.RESIDENT_ID, TestData.PHONE, "36.5");
        browser.click("submit");
        browser.visible("receipt");
        String occurred = browser.textOf("receipt-occurred");
        String today = TestData.today().format(DateTimeFormatter.ofPattern("yyyy/M/d"));
        assertTrue(occurred.startsWith(today), occurred + " is the local date " + today);
        for (String code : List.of("LOW", "false", "null", "undefined", "qilihe")) {
            assertFalse(browser.textOf("receipt").contains(code), code);
        }
    }
}
