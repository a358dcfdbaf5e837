package cn.lanzhou.epidemic.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The local OpenID Connect provider: {@code oidc.mjs} (oidc-provider from npm, pinned in package.json
 * and its lock file) as a child process on a loopback port, in memory. It knows the staff console
 * ({@value #CLIENT_ID}, a public client with PKCE) and the test staff members of {@link #USERS}.
 * Killed on close and, failing that, when the JVM exits, as dynalite is.
 */
public final class OidcProvider implements AutoCloseable {
    public static final String CLIENT_ID = "staff-console-local";
    public static final String SCOPE = "openid email profile";
    /** The test staff members (user name → groups), all with {@value #PASSWORD}; kept in step with oidc.mjs. */
    public static final List<String> USERS = List.of("staff-local", "tracer-local", "admin-local");
    public static final String PASSWORD = "password";
    private static final long START_TIMEOUT_MILLIS = 30_000;

    private final Process process;
    private final URI issuer;
    private final URI jwksUri;
    private final URI tokenEndpoint;
    private final Thread killOnExit;

    private OidcProvider(Process process, URI issuer, URI jwksUri, URI tokenEndpoint, Thread killOnExit) {
        this.process = process;
        this.issuer = issuer;
        this.jwksUri = jwksUri;
        this.tokenEndpoint = tokenEndpoint;
        this.killOnExit = killOnExit;
    }

    /** Starts {@code moduleDir/oidc.mjs} with these redirect URIs for the staff console; returns once discovery answers. */
    static OidcProvider start(Path moduleDir, List<URI> redirectUris) throws IOException {
        Path script = moduleDir.resolve("oidc.mjs");
        if (!Files.isDirectory(moduleDir.resolve("node_modules/oidc-provider"))) {
            throw new IllegalStateException("oidc-provider is not installed: run `npm ci` in " + moduleDir);
        }
        int port = Dynalite.freePort();
        List<String> command = new ArrayList<>(List.of(Dynalite.node(), script.toString(), "--port", Integer.toString(port)));
        for (URI uri : redirectUris) {
            command.addAll(List.of("--redirect-uri", uri.toString()));
        }
        Process process = new ProcessBuilder(command)
                .directory(moduleDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        Thread killOnExit = new Thread(() -> kill(process), "oidc-provider-kill");
        Runtime.getRuntime().addShutdownHook(killOnExit);
        URI issuer = URI.create("http://127.0.0.1:" + port);
        try {
            awaitListening(process, port);
            JsonNode discovery = discovery(issuer);
            if (!issuer.toString().equals(discovery.path("issuer").asText())) {
                throw new IOException("the provider names another issuer: " + discovery.path("issuer").asText());
            }
            return new OidcProvider(process, issuer, URI.create(discovery.path("jwks_uri").asText()),
                    URI.create(discovery.path("token_endpoint").asText()), killOnExit);
        } catch (IOException | RuntimeException e) {
            kill(process);
            Runtime.getRuntime().removeShutdownHook(killOnExit);
            throw e;
        }
    }

    /** The issuer ({@code iss} of its tokens, and where its discovery document is). */
    public URI issuer() {
        return issuer;
    }

    public URI jwksUri() {
        return jwksUri;
    }

    public URI tokenEndpoint() {
        return tokenEndpoint;
    }

    /** The browser's origin of the provider, for the pages' {@code connect-src}. */
    String origin() {
        return issuer.getScheme() + "://" + issuer.getAuthority();
    }

    private static JsonNode discovery(URI issuer) throws IOException {
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(issuer.resolve("/.well-known/openid-configuration"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IOException("the provider's discovery answered " + response.statusCode());
            }
            return LocalJson.MAPPER.readTree(response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading the provider's discovery", e);
        }
    }

    private static void awaitListening(Process process, int port) throws IOException {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("oidc.mjs exited with " + process.exitValue() + " before listening (try: node oidc.mjs --port 9999 --redirect-uri http://localhost:3000/staff.html)");
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while starting the provider", e);
                }
            }
        }
        throw new IOException("oidc.mjs did not listen on port " + port + " within " + START_TIMEOUT_MILLIS + " ms");
    }

    @Override
    public void close() {
        kill(process);
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run: nothing left to remove
        }
    }

    private static void kill(Process process) {
        Dynalite.stop(process);
    }
}
