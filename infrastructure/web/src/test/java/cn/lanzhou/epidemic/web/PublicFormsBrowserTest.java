package cn.lanzhou.epidemic.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.lanzhou.epidemic.local.Api;
import cn.lanzhou.epidemic.local.LocalStack;
import cn.lanzhou.epidemic.local.LocalStackExtension;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/** The three public forms with JavaScript, at phone width unless a test says otherwise. */
@ExtendWith(LocalStackExtension.class)
class PublicFormsBrowserTest {
    private static final Pattern RECEIPT_NUMBER = Pattern.compile("DN-\\d{4}-\\d{2}-\\d{2}-[0-9A-HJKMNP-TV-Z]{6}|DN-\\d{8}-[0-9A-HJKMNP-TV-Z]{6}");
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

    // ------------------------------------------------------------------ registration

    private static void fillRegistration(String district, String siteCode) {
        browser.open("/register.html");
        browser.waitForDistricts("district");
        browser.choose("district", district);
        browser.click("site-type-CHECKPOINT");
        browser.type("site-code", siteCode);
        browser.type("name", "张三");
        browser.type("idNumber", TestData.RESIDENT_ID);
        browser.type("phone", TestData.PHONE);
        browser.type("temperatureCelsius", "36.5");
        browser.click("consent");
    }

    @Test
    void aRegistrationShowsItsReceiptWithTheMaskedIdAndKeepsTheSiteForTheNextPerson() {
        fillRegistration("chengguan", "G312-01");
        browser.screenshot("register-filled");
        browser.click("submit");

        browser.visible("receipt");
        assertEquals("1***************2X", browser.textOf("receipt-id-masked"));
        assertEquals("138****8000", browser.textOf("receipt-phone-masked"));
        assertEquals("低风险", browser.textOf("receipt-risk"));
        assertFalse(browser.textOf("receipt-id").isBlank());
        assertFalse(browser.driver().getPageSource().contains(TestData.RESIDENT_ID), "the full ID number is not shown back");
        browser.screenshot("register-receipt");

        // the next person at the same checkpoint: the site stays, the person is cleared
        assertEquals("G312-01", browser.id("site-code").getAttribute("value"));
        assertEquals("chengguan", browser.id("district").getAttribute("value"));
        assertEquals("", browser.id("idNumber").getAttribute("value"));
    }

    @Test
    void anIdNumberWithAWrongCheckCharacterIsRefusedNextToTheFieldBeforeAnythingIsSent() {
        fillRegistration("chengguan", "G312-01");
        browser.type("idNumber", TestData.RESIDENT_ID_BAD_CHECK);
        browser.click("submit");
        // editing gives the form a new key; a submit refused before sending keeps it
        String keyBefore = browser.id("registration-form").getAttribute("data-idempotency-key");
        browser.click("submit");

        String message = browser.textOf("idNumber-error");
        assertTrue(message.contains("校验"), message);
        assertEquals("true", browser.id("idNumber").getAttribute("aria-invalid"));
        assertTrue(browser.id("idNumber").getAttribute("aria-describedby").contains("idNumber-error"));
        assertTrue(browser.id("error-summary").isDisplayed());
        assertFalse(browser.id("receipt").isDisplayed());
        assertEquals(keyBefore, browser.id("registration-form").getAttribute("data-idempotency-key"));
        browser.screenshot("register-invalid-id");
    }

    @Test
    void aDoubleClickOnSubmitRegistersThePersonOnce(LocalStack stack) {
        // a district of its own in this test JVM, so the count is this test's alone
        String district = "gaolan";
        LocalDate today = TestData.today();
        int before = TestData.districtDay(stack, "REG", today, district).size();
        fillRegistration(district, "DBL-" + UUID.randomUUID().toString().substring(0, 8));

        new Actions(browser.driver()).doubleClick(browser.id("submit")).perform();
        browser.visible("receipt");
        // and a few more clicks after the first answer would have started a new form; wait for quiet
        browser.until(d -> browser.id("submit").isEnabled());

        assertEquals(before + 1, TestData.districtDay(stack, "REG", today, district).size());
    }

    // ------------------------------------------------------------------ donation

    @Test
    void aFundsDonationShowsItsReceiptNumberAndExactValue() {
        browser.open("/donate.html");
        browser.waitForDistricts("district");
        browser.type("donor-name", "兰州某商贸有限公司");
        browser.click("donor-type-ORGANIZATION");
        browser.choose("district", "anning");
        browser.type("recipient", "区红十字会");
        browser.click("kind-FUNDS");
        browser.type("amount", "2000.2");
        browser.screenshot("donate-funds-filled");
        browser.click("submit");

        browser.visible("receipt");
        String receiptNumber = browser.textOf("receipt-number");
        assertTrue(RECEIPT_NUMBER.matcher(receiptNumber).matches(), receiptNumber);
        assertTrue(browser.textOf("receipt-value").startsWith("2000.20"), browser.textOf("receipt-value"));
        browser.screenshot("donate-funds-receipt");
    }

    @Test
    void aMaterialsDonationAddsRowsShowsTheLiveTotalAndTheReceipt() {
        browser.open("/donate.html");
        browser.waitForDistricts("district");
        browser.type("donor-name", "李四");
        browser.choose("district", "xigu");
        browser.click("kind-MATERIALS");
        browser.choose("items-0-category", "MASK");
        browser.type("items-0-name", "医用外科口罩");
        browser.type("items-0-quantity", "1000");
        browser.type("items-0-unit", "只");
        browser.type("items-0-unitValue", "0.1");
        browser.click("add-item");
        browser.choose("items-1-category", "DISINFECTANT");
        browser.type("items-1-name", "84 消毒液");
        browser.type("items-1-quantity", "3");
        browser.type("items-1-unit", "箱");
        browser.type("items-1-unitValue", "0.2");
        browser.until(d -> browser.id("items-total").getText().contains("100.60") ? true : null);
        browser.screenshot("donate-materials-filled");
        browser.click("submit");

        browser.visible("receipt");
        assertTrue(RECEIPT_NUMBER.matcher(browser.textOf("receipt-number")).matches());
        assertTrue(browser.textOf("receipt-value").startsWith("100.60"), browser.textOf("receipt-value"));
        browser.screenshot("donate-materials-receipt");
    }

    @Test
    void aFieldErrorThatOnlyTheServerFindsIsShownNextToItsField() {
        // the page checks that donatedOn is not in the future; only the server knows "not more than 365 days back"
        browser.open("/donate.html");
        browser.waitForDistricts("district");
        browser.type("donor-name", "王五");
        browser.choose("district", "honggu");
        browser.type("amount", "50");
        browser.setValue("donatedOn", TestData.today().minusDays(400).toString());
        browser.click("submit");

        String message = browser.textOf("donatedOn-error");
        assertFalse(message.isBlank());
        assertEquals("true", browser.id("donatedOn").getAttribute("aria-invalid"));
        assertTrue(browser.id("error-summary").isDisplayed());
        assertFalse(browser.id("receipt").isDisplayed());
        browser.screenshot("donate-server-error");
    }

    // ------------------------------------------------------------------ reopening

    static void fillReopening(String creditCode, String district) {
        fillReopening(creditCode, district, browser);
    }

    static void fillReopening(String creditCode, String district, Browser browser) {
        browser.open("/reopen.html");
        browser.waitForDistricts("district");
        browser.type("enterprise-name", "兰州某机械制造有限公司");
        browser.type("enterprise-creditCode", creditCode);
        browser.type("enterprise-industry", "通用设备制造");
        browser.type("enterprise-employees", "120");
        browser.click("enterprise-aboveDesignatedSize");
        browser.choose("district", district);
        browser.type("street", "西固城街道");
        browser.setValue("plannedDate", TestData.today().plusDays(3).toString());
        browser.type("contact-name", "赵六");
        browser.type("contact-phone", "139 0931 0000");
        browser.type("returningEmployees", "80");
        browser.type("employeesFromHubei", "0");
        browser.type("prevention-responsiblePerson", "钱七");
        browser.type("prevention-disinfectionsPerDay", "2");
        for (String step : new String[] {"MASK", "TEMPERATURE", "DISINFECTION", "HEALTH_FORM"}) {
            browser.click("prevention-entrySteps-" + step);
        }
        browser.type("prevention-masksInStock", "5000");
        browser.type("prevention-thermometers", "4");
        browser.click("difficulties-SUPPLIES");
    }

    @Test
    void aReopeningApplicationShowsItsIdReadinessAndAStatusLinkThatShowsSubmitted(Api api) {
        browser.size(Browser.DESKTOP);
        fillReopening(TestData.creditCode(), "xigu");
        browser.screenshot("reopen-filled");
        browser.click("submit");

        browser.visible("receipt");
        String id = browser.textOf("receipt-id");
        assertEquals("已提交，待审批", browser.textOf("receipt-status"));
        // missing: CONSENT, PASS, fewer than 3 disinfections a day, no emergency plan
        String readiness = browser.textOf("receipt-readiness");
        assertFalse(readiness.isBlank());
        browser.screenshot("reopen-receipt");

        browser.click("receipt-status-link");
        assertEquals(id, browser.textOf("status-app-id"));
        assertEquals("已提交，待审批", browser.textOf("status-value"));
        browser.screenshot("status-submitted");
        JsonNode app = api.get("/reopenings/" + id).json();
        assertEquals("SUBMITTED", app.get("status").asText());
    }

    @Test
    void aDoubleClickOnSubmitCreatesOneApplication(Api api, LocalStack stack) {
        String creditCode = TestData.creditCode();
        fillReopening(creditCode, "yongdeng");
        WebElement submit = browser.id("submit");
        browser.js("arguments[0].scrollIntoView({block: 'center'});", submit);
        new Actions(browser.driver()).doubleClick(submit).perform();
        browser.visible("receipt");
        String id = browser.textOf("receipt-id");
        browser.screenshot("reopen-receipt");

        // a second application for the same enterprise would have answered 409: one is there, and it is this one
        JsonNode page = api.get("/reopenings?district=yongdeng&status=SUBMITTED&limit=100", stack.staffToken()).json();
        long forThisEnterprise = 0;
        for (JsonNode item : page.get("items")) {
            if (creditCode.equals(item.path("enterprise").path("creditCode").asText())) {
                forThisEnterprise++;
                assertEquals(id, item.get("id").asText());
            }
        }
        assertEquals(1, forThisEnterprise);
        assertFalse(browser.id("form-problem").isDisplayed(), "no 409 was shown to the applicant");
    }

    // ------------------------------------------------------------------ the rest of the site

    @Test
    void theLandingPageLinksEveryTask() {
        for (var size : new org.openqa.selenium.Dimension[] {Browser.PHONE, Browser.DESKTOP}) {
            browser.size(size);
            browser.open("/");
            String page = browser.driver().getPageSource();
            for (String link : new String[] {"register.html", "donate.html", "reopen.html", "status.html", "poster.html", "staff.html"}) {
                assertTrue(page.contains(link), link);
            }
            browser.screenshot("index");
        }
    }

    @Test
    void aQrPosterDrawsAnSvgCodeOfTheRegistrationLinkWithTheSitePrefilled() {
        browser.size(Browser.DESKTOP);
        browser.open("/poster.html");
        browser.waitForDistricts("district");
        browser.choose("district", "qilihe");
        browser.choose("siteType", "COMMUNITY");
        browser.type("siteCode", "QLH-光辉小区");
        browser.type("poster-title-input", "光辉小区东门");
        browser.click("poster-make");

        browser.visible("poster");
        WebElement svg = browser.find("#poster-qr svg");
        assertTrue(svg.findElement(org.openqa.selenium.By.tagName("path")).getAttribute("d").length() > 1000);
        String url = browser.textOf("poster-url");
        String expected = browser.baseUrl().resolve("/register.html") + "?district=qilihe&siteType=COMMUNITY&siteCode=QLH-光辉小区";
        assertEquals(expected, url, "printed as people read it; the code holds the same link percent-encoded");
        browser.screenshot("poster");

        // the link opens the form with the site filled in
        browser.size(Browser.PHONE);
        browser.driver().get(url);
        browser.waitForDistricts("district");
        assertEquals("qilihe", browser.id("district").getAttribute("value"));
        assertTrue(browser.id("site-type-COMMUNITY").isSelected());
        assertEquals("QLH-光辉小区", browser.id("site-code").getAttribute("value"));
        browser.screenshot("register-from-poster");
    }
}
