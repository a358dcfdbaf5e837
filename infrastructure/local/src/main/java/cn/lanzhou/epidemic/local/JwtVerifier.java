package cn.lanzhou.epidemic.local;

import com.fasterxml.jackson.core.type.TypeReference;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.net.URI;
import java.security.MessageDigest;
import java.text.ParseException;
import java.time.Clock;
import java.util.Base64;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The API Gateway JWT authorizer, locally. Two kinds of token pass:
 * <ul>
 * <li>RS256 or ES256 tokens of the local OpenID Connect provider, checked as API Gateway checks
 * its issuer's: the signature against the issuer's JWKS, {@code exp} and {@code nbf}, {@code iss}
 * exactly the issuer, {@code aud} containing the audience (the staff console's client id);</li>
 * <li>HS256 tokens signed with the local secret ({@code ./dev token}, scripts and tests), with an
 * unexpired {@code exp}; their issuer and audience are not checked (README, `./dev token`).</li>
 * </ul>
 */
final class JwtVerifier {
    private static final TypeReference<Map<String, Object>> CLAIMS = new TypeReference<>() { };
    private final String secret;
    private final Clock clock;
    private final Optional<DefaultJWTProcessor<SecurityContext>> issuerTokens;

    /** HS256 tokens only. */
    JwtVerifier(String secret, Clock clock) {
        this.secret = secret;
        this.clock = clock;
        this.issuerTokens = Optional.empty();
    }

    /** HS256 tokens, and the tokens of {@code issuer} for {@code audience}, their keys at {@code jwksUri}. */
    JwtVerifier(String secret, URI issuer, String audience, URI jwksUri, Clock clock) {
        this.secret = secret;
        this.clock = clock;
        JWKSource<SecurityContext> keys;
        try {
            keys = JWKSourceBuilder.create(jwksUri.toURL()).retrying(true).build();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("not a JWKS URL: " + jwksUri, e);
        }
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256), keys));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(audience,
                new JWTClaimsSet.Builder().issuer(issuer.toString()).build(), Set.of("sub", "exp")) {
            @Override
            protected Date currentTime() {
                return Date.from(clock.instant());
            }
        };
        // as strict as the HS256 path: expired at exp, valid from nbf
        claims.setMaxClockSkew(0);
        processor.setJWTClaimsSetVerifier(claims);
        this.issuerTokens = Optional.of(processor);
    }

    /** The claims of a valid {@code Authorization: Bearer} header; empty when missing or invalid. */
    Optional<Map<String, Object>> verify(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        String value = authorization.strip();
        if (value.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
            value = value.substring("bearer ".length()).strip();
        }
        String[] parts = value.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            Base64.Decoder decoder = Base64.getUrlDecoder();
            Map<String, Object> header = LocalJson.MAPPER.readValue(decoder.decode(parts[0]), CLAIMS);
            if (!"HS256".equals(header.get("alg"))) {
                return issuerTokens.flatMap(processor -> fromIssuer(processor, String.join(".", parts)));
            }
            byte[] expected = Tokens.hmacSha256(secret, parts[0] + "." + parts[1]);
            // constant time, so the signature cannot be guessed byte by byte from response times
            if (!MessageDigest.isEqual(expected, decoder.decode(parts[2]))) {
                return Optional.empty();
            }
            Map<String, Object> claims = LocalJson.MAPPER.readValue(decoder.decode(parts[1]), CLAIMS);
            long now = clock.instant().getEpochSecond();
            if (!(claims.get("exp") instanceof Number exp) || exp.longValue() <= now) {
                return Optional.empty();
            }
            if (claims.get("nbf") instanceof Number nbf && nbf.longValue() > now) {
                return Optional.empty();
            }
            return Optional.of(claims);
        } catch (IllegalArgumentException | java.io.IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<Map<String, Object>> fromIssuer(DefaultJWTProcessor<SecurityContext> processor, String token) {
        try {
            return Optional.of(processor.process(token, null).toJSONObject());
        } catch (ParseException | BadJOSEException | com.nimbusds.jose.JOSEException e) {
            // a bad token, or keys that could not be fetched: either way not authorized, as API Gateway answers
            return Optional.empty();
        }
    }
}
