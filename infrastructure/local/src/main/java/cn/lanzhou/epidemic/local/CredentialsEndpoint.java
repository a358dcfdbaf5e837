package cn.lanzhou.epidemic.local;

import cn.lanzhou.epidemic.local.runtime.Credentials;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The container credentials endpoint, on loopback, as Lambda provides it with SnapStart: a GET with
 * the container's token in {@code Authorization} answers temporary credentials; any other token is
 * refused. The key pair is the one S3Proxy knows, with a fresh session token on every answer.
 */
final class CredentialsEndpoint implements Credentials, AutoCloseable {
    static final String PATH = "/2018-06-01/credentials";
    private static final Duration LIFETIME = Duration.ofHours(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpServer server;
    private final Set<String> tokens = ConcurrentHashMap.newKeySet();
    private final String accessKeyId;
    private final String secretAccessKey;
    private final Clock clock;
    private final boolean refuseAll;

    /** {@code refuseAll}: every token is refused, for tests of a function that gets no credentials. */
    CredentialsEndpoint(String accessKeyId, String secretAccessKey, Clock clock, boolean refuseAll) throws IOException {
        this.accessKeyId = accessKeyId;
        this.secretAccessKey = secretAccessKey;
        this.clock = clock;
        this.refuseAll = refuseAll;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext(PATH, this::handle);
        server.start();
    }

    @Override
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    @Override
    public String issueToken() {
        String token = random(32);
        tokens.add(token);
        return token;
    }

    @Override
    public void revoke(String token) {
        tokens.remove(token);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod()) || !PATH.equals(exchange.getRequestURI().getPath())) {
                Responses.send(exchange, 404, "application/json", Responses.utf8("{\"message\":\"Not Found\"}"));
                return;
            }
            String token = exchange.getRequestHeaders().getFirst("Authorization");
            if (token == null) {
                Responses.send(exchange, 401, "application/json", Responses.utf8("{\"message\":\"Authorization header missing\"}"));
                return;
            }
            if (refuseAll || !tokens.contains(token)) {
                Responses.send(exchange, 403, "application/json", Responses.utf8("{\"message\":\"Authorization token invalid\"}"));
                return;
            }
            ObjectNode body = LocalJson.MAPPER.createObjectNode()
                    .put("AccessKeyId", accessKeyId)
                    .put("SecretAccessKey", secretAccessKey)
                    .put("Token", random(48))
                    .put("Expiration", clock.instant().plus(LIFETIME).truncatedTo(ChronoUnit.SECONDS).toString());
            Responses.send(exchange, 200, "application/json", LocalJson.MAPPER.writeValueAsBytes(body));
        }
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
