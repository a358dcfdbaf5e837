package cn.lanzhou.epidemic.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.lanzhou.epidemic.local.Api;
import cn.lanzhou.epidemic.local.LocalStack;
import cn.lanzhou.epidemic.local.LocalStackExtension;
import cn.lanzhou.epidemic.local.OidcProvider;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Staff sign-in as it works in AWS, against the local stack's OpenID Connect provider: the console
 * sends the browser to the provider (authorization code with PKCE, state and nonce), the staff member
 * signs in there, and the console exchanges the code and calls the API with the ID token. A state the
 * tab did not store and a code verifier that does not fit the challenge are refused.
 */
@ExtendWith(LocalStackExtension.class)
class OidcSignInBrowserTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Browser browser;
    private static String issuer;

    @BeforeAll
    static void startBrowser(LocalStack stack) {
        browser = Browser.start(stack.baseUrl(), true);
        browser.size(Browser.DESKTOP);
        issuer = stack.oidcProvider().issuer().toString();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    /** Each test starts signed out of the console and of the provider. */
    @BeforeEach
    void signedOutEverywhere() {
        browser.driver().get(issuer + "/.well-known/openid-configuration");
        browser.driver().manage().deleteAllCookies();
        browser.open("/staff.html");
        browser.js("sessionStorage.clear();");
        browser.open("/staff.html");
        browser.visible("signin-oidc");
    }

    /** Clicks “统一身份认证登录” and waits for the provider's login page; returns its address. */
    private static String toTheProvidersLoginPage() {
        browser.click("signin-oidc");
        browser.visible("username");
        String url = browser.driver().getCurrentUrl();
        assertTrue(url.startsWith(issuer + "/interaction/"), url);
        return url;
    }

    private static void logIn(String user, String password) {
        browser.type("username", user);
        browser.type("password", password);
        browser.click("login");
    }

    private static JsonNode payload(String jwt) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    /** Back at sign-in with the console's message, signed out, no token kept. */
    private static void assertRefused() {
        assertEquals("统一身份认证登录未成功，请重试。", browser.visible("signin-message").getText());
        assertFalse(browser.id("console").isDisplayed());
        assertNull(browser.js("return sessionStorage.getItem('staffToken');"));
    }

    @Test
    void aStaffMemberSignsInAtTheProviderWithCodeAndPkceApprovesAnApplicationAndSignsOut(Api api, LocalStack stack) throws Exception {
        String id = StaffConsoleBrowserTest.submitApplication(api, "honggu");
        String login = toTheProvidersLoginPage();
        assertTrue(login.startsWith(issuer), login);
        browser.screenshot("oidc-login");
        logIn("staff-local", OidcProvider.PASSWORD);

        browser.visible("console");
        assertEquals("当前用户：staff-local@example.gov.cn", browser.textOf("whoami"));
        String address = browser.driver().getCurrentUrl();
        assertFalse(address.contains("code=") || address.contains("state="), "the code and state leave the address bar: " + address);
        String token = (String) browser.js("return sessionStorage.getItem('staffToken');");
        JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[0]));
        assertEquals("RS256", header.get("alg").asText());
        JsonNode claims = payload(token);
        assertEquals(issuer, claims.get("iss").asText());
        assertEquals(OidcProvider.CLIENT_ID, claims.get("aud").asText());
        assertEquals("staff", claims.get("cognito:groups").get(0).asText());
        assertTrue(claims.hasNonNull("nonce"), "the console asked for a nonce");

        browser.choose("filter-status", "SUBMITTED");
        browser.choose("filter-district", "honggu");
        browser.click("filter-apply");
        browser.visible("open-" + id);
        browser.click("open-" + id);
        browser.visible("app-details");
        browser.click("approve");
        browser.visible("confirm-dialog");
        browser.click("confirm-ok");
        browser.until(d -> "已批准".equals(browser.id("details-status").getText()) ? true : null);
        JsonNode app = api.get("/reopenings/" + id).json();
        assertEquals("APPROVED", app.get("status").asText());

        browser.click("signout");
        // the provider's own sign-out page: its session ends too
        browser.visible("logout-yes");
        browser.screenshot("oidc-logout");
        browser.click("logout-yes");
        browser.visible("signin");
        assertEquals("已退出登录。", browser.visible("signin-message").getText());
        assertNull(browser.js("return sessionStorage.getItem('staffToken');"));
        toTheProvidersLoginPage(); // signed out at the provider: it asks again
    }

    @Test
    void aWrongPasswordStaysAtTheProvider() {
        toTheProvidersLoginPage();
        logIn("staff-local", "not-the-password");

        assertEquals("用户名或密码不正确 / Wrong user or password", browser.visible("login-error").getText());
        assertTrue(browser.driver().getCurrentUrl().startsWith(issuer));
    }

    @Test
    void aStateThisTabDidNotStoreIsRefused() {
        String login = toTheProvidersLoginPage();
        // back in the console's tab, the stored sign-in state is given another name: the state the
        // provider returns (the original) is then one this tab never issued, as a tampered one would be
        browser.open("/staff.html");
        Object renamed = browser.js("""
                const key = Object.keys(sessionStorage).find((k) => k.startsWith('oidc.'));
                if (!key) return null;
                sessionStorage.setItem('oidc.tampered' + key.slice(5, 12), sessionStorage.getItem(key));
                sessionStorage.removeItem(key);
                return key;""");
        assertTrue(renamed instanceof String, "the console stored its sign-in state in sessionStorage");
        browser.driver().get(login);
        logIn("staff-local", OidcProvider.PASSWORD);

        assertRefused();
        assertFalse(browser.driver().getCurrentUrl().contains("code="));
    }

    @Test
    void aForgedStateInTheAddressIsRefusedWithoutATokenRequest() {
        browser.open("/staff.html?code=forged-code&state=forged-state&iss=" + issuer);

        assertRefused();
    }

    @Test
    void aCodeVerifierThatDoesNotFitTheChallengeIsRefusedByTheProvider() {
        String login = toTheProvidersLoginPage();
        browser.open("/staff.html");
        Object changed = browser.js("""
                const key = Object.keys(sessionStorage).find((k) => k.startsWith('oidc.'));
                const state = JSON.parse(sessionStorage.getItem(key));
                state.code_verifier = 'x'.repeat(43) + state.code_verifier.slice(43);
                sessionStorage.setItem(key, JSON.stringify(state));
                return state.code_verifier.length;""");
        assertTrue(((Number) changed).intValue() >= 43);
        browser.driver().get(login);
        logIn("staff-local", OidcProvider.PASSWORD);

        assertRefused();
    }

    @Test
    void theGroupsOfEachTestStaffMemberReachTheIdToken() throws Exception {
        toTheProvidersLoginPage();
        logIn("admin-local", OidcProvider.PASSWORD);
        browser.visible("console");

        JsonNode claims = payload((String) browser.js("return sessionStorage.getItem('staffToken');"));
        assertEquals("[\"staff\",\"admin\"]", claims.get("cognito:groups").toString());
        assertEquals("admin-local", claims.get("sub").asText());
    }
}
