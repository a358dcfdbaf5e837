package cn.lanzhou.epidemic.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Signs a test staff member in at the local OpenID Connect provider as a browser would (authorization
 * request with a PKCE challenge, the login form, the redirects), without a browser: for tests that
 * drive the token endpoint themselves or need a real RS256 ID token.
 */
public final class OidcLogin {
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private final OidcProvider provider;
    private final URI redirectUri;
    private final HttpClient client = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    public OidcLogin(LocalStack stack) {
        this.provider = stack.oidcProvider();
        this.redirectUri = stack.baseUrl().resolve("/staff.html");
    }

    /** A fresh code verifier (43 characters of base64url). */
    public static String newVerifier() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return BASE64URL.encodeToString(bytes);
    }

    public static String challenge(String verifier) {
        try {
            return BASE64URL.encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The authorization code the provider redirects to the staff console with, after {@code user} signs in. */
    public String code(String user, String verifier) {
        String state = UUID.randomUUID().toString();
        URI authorize = provider.issuer().resolve("/auth?" + form(Map.of(
                "client_id", OidcProvider.CLIENT_ID, "response_type", "code", "scope", OidcProvider.SCOPE,
                "redirect_uri", redirectUri.toString(), "state", state, "nonce", UUID.randomUUID().toString(),
                "code_challenge", challenge(verifier), "code_challenge_method", "S256")));
        HttpResponse<String> response = send(HttpRequest.newBuilder(authorize).GET());
        URI interaction = location(authorize, response);
        send(HttpRequest.newBuilder(interaction).GET());
        response = send(HttpRequest.newBuilder(URI.create(interaction + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", user, "password", OidcProvider.PASSWORD)))));
        URI next = location(interaction, response);
        while (!next.toString().startsWith(redirectUri.toString())) {
            response = send(HttpRequest.newBuilder(next).GET());
            next = location(next, response);
        }
        Map<String, String> query = parseQuery(next.getRawQuery());
        if (!state.equals(query.get("state"))) {
            throw new IllegalStateException("the provider returned another state: " + next);
        }
        return query.get("code");
    }

    /** The token endpoint's answer to exchanging {@code code} with {@code verifier}. */
    public HttpResponse<String> exchange(String code, String verifier) {
        return send(HttpRequest.newBuilder(provider.tokenEndpoint())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code", "code", code,
                        "redirect_uri", redirectUri.toString(), "client_id", OidcProvider.CLIENT_ID, "code_verifier", verifier)))));
    }

    /** An ID token for {@code user}, through the whole code flow with PKCE. */
    public String idToken(String user) {
        String verifier = newVerifier();
        HttpResponse<String> tokens = exchange(code(user, verifier), verifier);
        if (tokens.statusCode() != 200) {
            throw new IllegalStateException("the token endpoint answered " + tokens.statusCode() + ": " + tokens.body());
        }
        try {
            JsonNode json = LocalJson.MAPPER.readTree(tokens.body());
            return json.get("id_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static URI location(URI base, HttpResponse<String> response) {
        String location = response.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("no redirect from " + base + ": " + response.statusCode() + " " + response.body()));
        return base.resolve(location);
    }

    private static String form(Map<String, String> values) {
        return new LinkedHashMap<>(values).entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static Map<String, String> parseQuery(String query) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            values.put(java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }
}
