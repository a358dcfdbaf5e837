package cn.lanzhou.epidemic.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The local JWT authorizer as API Gateway's: an issuer's RS256/ES256 tokens checked against its JWKS
 * (signature, exp, nbf, iss exactly, aud containing the client id), and the HS256 tokens of
 * {@code ./dev token} still accepted. The issuer here is a JWKS served by the test, so it can sign
 * tokens the local provider never would (expired, for another audience).
 */
class JwtVerifierTest {
    private static final String ISSUER = "http://127.0.0.1:1/issuer";
    private static final String AUDIENCE = "staff-console-local";
    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
    private static RSAKey rsa;
    private static ECKey ec;
    private static HttpServer jwks;
    private static JwtVerifier verifier;

    @BeforeAll
    static void serveJwks() throws Exception {
        rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
        byte[] body = new JWKSet(List.of(rsa.toPublicJWK(), ec.toPublicJWK())).toString().getBytes(StandardCharsets.UTF_8);
        jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jwks.createContext("/jwks", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        jwks.start();
        verifier = new JwtVerifier(Tokens.secret(), URI.create(ISSUER), AUDIENCE,
                URI.create("http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks"), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterAll
    static void stopJwks() {
        jwks.stop(0);
    }

    private static JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder()
                .subject("staff-local")
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .issueTime(Date.from(NOW.minusSeconds(60)))
                .expirationTime(Date.from(NOW.plusSeconds(3600)))
                .claim("cognito:groups", List.of("staff", "tracer"));
    }

    private static String sign(JWSSigner signer, JWSAlgorithm alg, String kid, JWTClaimsSet claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(kid).build(), claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    private static String rs256(JWTClaimsSet claims) throws JOSEException {
        return sign(new RSASSASigner(rsa), JWSAlgorithm.RS256, rsa.getKeyID(), claims);
    }

    private static Optional<Map<String, Object>> verify(String token) {
        return verifier.verify("Bearer " + token);
    }

    @Test
    void anRs256TokenOfTheIssuerForTheClientPassesWithItsClaims() throws Exception {
        Map<String, Object> passed = verify(rs256(claims().build())).orElseThrow();

        assertEquals("staff-local", passed.get("sub"));
        assertEquals(List.of("staff", "tracer"), passed.get("cognito:groups"));
        assertEquals(NOW.plusSeconds(3600).getEpochSecond(), ((Number) passed.get("exp")).longValue());
    }

    @Test
    void anEs256TokenOfTheIssuerPasses() throws Exception {
        assertTrue(verify(sign(new ECDSASigner(ec), JWSAlgorithm.ES256, ec.getKeyID(), claims().build())).isPresent());
    }

    @Test
    void anAudienceListContainingTheClientPasses() throws Exception {
        assertTrue(verify(rs256(claims().audience(List.of("another-client", AUDIENCE)).build())).isPresent());
    }

    @Test
    void anotherIssuerIsRefusedEvenWithTheRightKey() throws Exception {
        assertFalse(verify(rs256(claims().issuer("http://127.0.0.1:1/other").build())).isPresent());
        assertFalse(verify(rs256(claims().issuer(ISSUER + "/").build())).isPresent(), "iss must match exactly");
    }

    @Test
    void anotherAudienceIsRefused() throws Exception {
        assertFalse(verify(rs256(claims().audience("another-client").build())).isPresent());
        assertFalse(verify(rs256(claims().audience((String) null).build())).isPresent(), "no aud at all");
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        assertFalse(verify(rs256(claims().expirationTime(Date.from(NOW.minusSeconds(1))).build())).isPresent());
        assertFalse(verify(rs256(claims().expirationTime(null).build())).isPresent(), "no exp at all");
    }

    @Test
    void aTokenNotYetValidIsRefused() throws Exception {
        assertFalse(verify(rs256(claims().notBeforeTime(Date.from(NOW.plusSeconds(30))).build())).isPresent());
    }

    @Test
    void aTamperedSignatureOrPayloadIsRefused() throws Exception {
        String[] parts = rs256(claims().build()).split("\\.");
        char last = parts[2].charAt(parts[2].length() - 2);
        String signature = parts[2].substring(0, parts[2].length() - 2) + (last == 'A' ? 'B' : 'A') + parts[2].charAt(parts[2].length() - 1);
        assertFalse(verify(parts[0] + "." + parts[1] + "." + signature).isPresent());

        String admin = rs256(claims().subject("admin-local").claim("cognito:groups", List.of("staff", "admin")).build()).split("\\.")[1];
        assertFalse(verify(parts[0] + "." + admin + "." + parts[2]).isPresent());
    }

    @Test
    void aKeyTheIssuerDoesNotPublishIsRefused() throws Exception {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID(rsa.getKeyID()).generate();

        assertFalse(verify(sign(new RSASSASigner(stranger), JWSAlgorithm.RS256, rsa.getKeyID(), claims().build())).isPresent());
    }

    @Test
    void anUnsignedTokenOrAnotherAlgorithmIsRefused() throws Exception {
        String[] parts = rs256(claims().build()).split("\\.");
        String none = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
        assertFalse(verify(none + "." + parts[1] + ".").isPresent());
        assertFalse(verify(sign(new RSASSASigner(rsa), JWSAlgorithm.RS512, rsa.getKeyID(), claims().build())).isPresent());
    }

    @Test
    void theLocalHs256TokensStillPassWithoutIssuerOrAudience() {
        String token = Tokens.mint(Tokens.secret(), "staff-local", List.of("staff"), NOW.plusSeconds(600));

        assertEquals("staff-local", verify(token).orElseThrow().get("sub"));
        assertFalse(verify(Tokens.mint("another-secret", "staff-local", List.of("staff"), NOW.plusSeconds(600))).isPresent());
        assertFalse(verify(Tokens.mint(Tokens.secret(), "staff-local", List.of("staff"), NOW.minusSeconds(1))).isPresent());
    }

    @Test
    void anHs256TokenCarryingTheIssuerAndAudienceButAnotherSecretIsRefused() throws Exception {
        String forged = sign(new MACSigner("0123456789abcdef0123456789abcdef"), JWSAlgorithm.HS256, null, claims().build());

        assertFalse(verify(forged).isPresent());
    }
}
