package cn.lanzhou.epidemic.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** GET /reports is a staff route: the local authorizer answers before the function is reached. */
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
}
