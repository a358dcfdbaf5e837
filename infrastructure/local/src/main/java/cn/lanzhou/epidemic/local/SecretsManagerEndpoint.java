package cn.lanzhou.epidemic.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.time.Clock;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Secrets Manager's {@code GetSecretValue} (AWS JSON 1.1) for the template's secrets, on loopback.
 * A secret's value is generated once and kept under the data folder, so that ID-number hashes still
 * match after a restart; in memory it is a fixed development value. The environment variable named
 * after the secret ({@code IdHashKey} → {@code ID_HASH_KEY}) overrides either.
 */
final class SecretsManagerEndpoint implements AutoCloseable {
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    /** As the template's GenerateSecretString: 64 characters, no punctuation. */
    private static final int GENERATED_LENGTH = 64;

    private record Stored(Template.Secret secret, String value, String versionId, long createdEpochSeconds) {
    }

    private final HttpServer server;
    private final Map<String, Stored> byIdentifier = new LinkedHashMap<>();
    private final SigV4Verifier verifier;

    SecretsManagerEndpoint(List<Template.Secret> secrets, Path dataDir, UnaryOperator<String> environment, String accessKeyId, String secretAccessKey)
            throws IOException {
        this.verifier = new SigV4Verifier(Map.of(accessKeyId, secretAccessKey), Clock.systemUTC());
        long now = System.currentTimeMillis() / 1000;
        for (Template.Secret secret : secrets) {
            String value = Optional.ofNullable(environment.apply(variableName(secret.id())))
                    .orElse(dataDir == null ? "local-dev-" + variableName(secret.id()).toLowerCase(Locale.ROOT).replace('_', '-')
                            : kept(dataDir.resolve(secret.id()), secret));
            Stored stored = new Stored(secret, value, UUID.nameUUIDFromBytes(value.getBytes(StandardCharsets.UTF_8)).toString(), now);
            byIdentifier.put(secret.id(), stored);
            byIdentifier.put(secret.arn(), stored);
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", this::handle);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** {@code IdHashKey} → {@code ID_HASH_KEY}. */
    static String variableName(String logicalId) {
        return logicalId.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    private static String kept(Path file, Template.Secret secret) throws IOException {
        if (Files.isRegularFile(file)) {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        }
        Files.createDirectories(file.getParent());
        SecureRandom random = new SecureRandom();
        StringBuilder value = new StringBuilder();
        for (int i = 0; i < GENERATED_LENGTH; i++) {
            value.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        Files.writeString(file, value.toString(), StandardCharsets.UTF_8);
        System.out.println("[local] generated the value of secret " + secret.id() + " in " + file);
        return value.toString();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            if (!"POST".equals(exchange.getRequestMethod()) || target == null) {
                error(exchange, 400, "UnknownOperationException", "Unknown operation");
                return;
            }
            byte[] payload = exchange.getRequestBody().readAllBytes();
            if (!verifier.verify("POST", exchange.getRequestURI().getRawPath(), exchange.getRequestHeaders(), payload)) {
                error(exchange, 400, "UnrecognizedClientException", "The security token included in the request is invalid.");
                return;
            }
            if (!"secretsmanager.GetSecretValue".equals(target)) {
                error(exchange, 400, "UnknownOperationException", "Only GetSecretValue is served locally");
                return;
            }
            JsonNode request = payload.length == 0 ? null : LocalJson.MAPPER.readTree(payload);
            String id = request == null ? "" : request.path("SecretId").asText("");
            Stored stored = byIdentifier.get(id);
            if (stored == null) {
                error(exchange, 400, "ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
                return;
            }
            ObjectNode body = LocalJson.MAPPER.createObjectNode()
                    .put("ARN", stored.secret().arn())
                    .put("Name", stored.secret().id())
                    .put("SecretString", stored.value())
                    .put("VersionId", stored.versionId());
            body.putArray("VersionStages").add("AWSCURRENT");
            body.put("CreatedDate", stored.createdEpochSeconds());
            Responses.send(exchange, 200, "application/x-amz-json-1.1", LocalJson.MAPPER.writeValueAsBytes(body));
        }
    }

    private static void error(HttpExchange exchange, int status, String type, String message) throws IOException {
        ObjectNode body = LocalJson.MAPPER.createObjectNode().put("__type", type).put("message", message);
        Responses.send(exchange, status, "application/x-amz-json-1.1", LocalJson.MAPPER.writeValueAsBytes(body));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
