package cn.lanzhou.epidemic.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * GET /reports is a staff route: the local authorizer answers before the function is reached. It
 * takes the local OpenID Connect provider's ID tokens (got here through the code flow with PKCE,
 * as the staff console gets them) and the HS256 tokens of {@code ./dev token}.
 */
@ExtendWith(LocalStackExtension.class)
class JwtAuthorizerTest {

    @Test
    void aStaffRouteWithoutATokenIs401LikeApiGateway(Api api) {
        Api.Response response = api.get("/reports");

        assertEquals(401, response.status());
        assertEquals("application/json", response.contentType());
        assertEquals("Unauthorized", response.json().get("message").asText());
    }

    @Test
    void aTokenSignedWithAnotherSecretIs401(Api api) {
        String forged = Tokens.mint("not-the-local-secret", "staff-local", List.of("staff"), Instant.now().plusSeconds(600));

        assertEquals(401, api.get("/reports", forged).status());
    }

    @Test
    void anExpiredTokenIs401(Api api) {
        String expired = Tokens.mint(Tokens.secret(), "staff-local", List.of("staff"), Instant.now().minusSeconds(5));

        assertEquals(401, api.get("/reports", expired).status());
    }

    @Test
    void aTokenWithoutExpiryIs401(Api api) {
        String endless = Tokens.mint(Tokens.secret(), Map.of("sub", "staff-local"));

        assertEquals(401, api.get("/reports", endless).status());
    }

    @Test
    void aTamperedPayloadIs401(Api api) {
        String[] parts = Tokens.staff().split("\\.");
        String admin = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"sub\":\"admin\",\"cognito:groups\":[\"staff\"],\"exp\":9999999999}".getBytes());

        assertEquals(401, api.get("/reports", parts[0] + "." + admin + "." + parts[2]).status());
    }

    @Test
    void anIdTokenOfTheLocalProviderIsAccepted(Api api, LocalStack stack) {
        String idToken = new OidcLogin(stack).idToken("tracer-local");

        Api.Response response = api.get("/reports", idToken);

        assertEquals(200, response.status(), response.body());
    }

    @Test
    void anIdTokenOfTheLocalProviderWithATamperedPayloadIs401(Api api, LocalStack stack) {
        String[] parts = new OidcLogin(stack).idToken("staff-local").split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8)
                .replace("staff-local", "admin-local");
        String tampered = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "." + parts[2];

        assertEquals(401, api.get("/reports", tampered).status());
    }

    @Test
    void theProviderRefusesACodeWithTheWrongVerifier(LocalStack stack) throws Exception {
        OidcLogin login = new OidcLogin(stack);
        String verifier = OidcLogin.newVerifier();
        String code = login.code("staff-local", verifier);

        java.net.http.HttpResponse<String> wrong = login.exchange(code, OidcLogin.newVerifier());
        java.net.http.HttpResponse<String> none = login.exchange(code, "");

        assertEquals(400, wrong.statusCode(), wrong.body());
        assertEquals("invalid_grant", LocalJson.MAPPER.readTree(wrong.body()).get("error").asText());
        assertEquals(400, none.statusCode(), none.body());
    }

    @Test
    void theProviderRefusesAnAuthorizationRequestWithoutPkce(LocalStack stack) throws Exception {
        java.net.URI authorize = stack.oidcProvider().issuer().resolve("/auth?client_id=" + OidcProvider.CLIENT_ID
                + "&response_type=code&scope=openid&state=s&nonce=n&redirect_uri="
                + java.net.URLEncoder.encode(stack.baseUrl().resolve("/staff.html").toString(), java.nio.charset.StandardCharsets.UTF_8));
        try (java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient()) {
            java.net.http.HttpResponse<String> response = client.send(java.net.http.HttpRequest.newBuilder(authorize).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());

            // the error goes back to the client's redirect URI, never a code
            String location = response.headers().firstValue("Location").orElse("");
            org.junit.jupiter.api.Assertions.assertTrue(location.contains("error=invalid_request"), response.statusCode() + " " + location);
            org.junit.jupiter.api.Assertions.assertFalse(location.contains("code="), location);
        }
    }

    @Test
    void theStackAnswersConfigJsWithItsProviderAndAllowsItInTheConnectSource(Api api, LocalStack stack) {
        Api.Response config = api.get("/js/config.js");
        Api.Response page = api.get("/staff.html");

        assertEquals("// Generated by the local stack from its settings (the file on disk is not served).\n"
                + "export const API_BASE = \"\";\n"
                + "export const OIDC = {\"authority\":\"" + stack.oidcProvider().issuer() + "\",\"clientId\":\"staff-console-local\","
                + "\"scope\":\"openid email profile\"};\n", config.body());
        org.junit.jupiter.api.Assertions.assertTrue(page.header("Content-Security-Policy").orElseThrow()
                .contains("connect-src 'self' " + stack.oidcProvider().issuer()), page.header("Content-Security-Policy").orElseThrow());
    }
}
