package cn.lanzhou.epidemic.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;

/** A small HTTP client for contract tests against a running stack: JSON and form posts, with or without a token. */
public final class Api {
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    /** Every response body any Api instance received in this JVM, for the personal-data scan at the end of the run. */
    private static final Queue<Seen> SEEN = new ConcurrentLinkedQueue<>();
    private final URI baseUrl;

    public Api(URI baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** A response, its body read as text. */
    public record Response(int status, HttpHeaders headers, String body) {
        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        public String contentType() {
            return header("Content-Type").orElse("");
        }

        public JsonNode json() {
            try {
                return LocalJson.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }
    }

    /** One exchange as the personal-data scan needs it: the request's method, path and whether it carried a token; the answer. */
    public record Seen(String method, String path, boolean withToken, int status, String body) {
    }

    /** Every response seen so far (all instances), in arrival order. */
    public static List<Seen> seen() {
        return List.copyOf(SEEN);
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public URI uri(String path) {
        return baseUrl.resolve(path);
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response get(String path, String token) {
        return send(request(path).header("Authorization", "Bearer " + token).GET());
    }

    public Response postJson(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response postJson(String path, String json, String token) {
        return send(request(path).header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** An HTML form post: {@code application/x-www-form-urlencoded}, fields in the map's order. */
    public Response postForm(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A request builder for the path, for anything the helpers do not cover. */
    /**
     * Lambda's Invoke API on the stack's Lambda endpoint, signed (SigV4, the SDK's signer) with the
     * stack's access key: {@code invocationType} RequestResponse, Event or DryRun.
     */
    public Response invoke(String function, String invocationType, String json) {
        return invoke(function, invocationType, json, LocalStack.ACCESS_KEY_ID, LocalStack.SECRET_ACCESS_KEY);
    }

    /** The same, signed with the given key pair. */
    public Response invoke(String function, String invocationType, String json, String accessKeyId, String secretAccessKey) {
        String path = "/2015-03-31/functions/" + URLEncoder.encode(function, StandardCharsets.UTF_8).replace("+", "%20") + "/invocations";
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        software.amazon.awssdk.http.SdkHttpRequest unsigned = software.amazon.awssdk.http.SdkHttpRequest.builder()
                .method(software.amazon.awssdk.http.SdkHttpMethod.POST).uri(uri(path))
                .putHeader("Content-Type", "application/json").putHeader("X-Amz-Invocation-Type", invocationType).build();
        software.amazon.awssdk.http.SdkHttpRequest signed = software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner.create()
                .sign(r -> r.identity(software.amazon.awssdk.identity.spi.AwsCredentialsIdentity.create(accessKeyId, secretAccessKey))
                        .request(unsigned).payload(software.amazon.awssdk.http.ContentStreamProvider.fromByteArray(body))
                        .putProperty(software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner.REGION_NAME, LocalStack.REGION)
                        .putProperty(software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner.SERVICE_SIGNING_NAME, "lambda"))
                .request();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(120))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        signed.headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("host")) {
                values.forEach(value -> request.header(name, value));
            }
        });
        return send(request);
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
    }

    public Response send(HttpRequest.Builder request) {
        try {
            HttpRequest built = request.build();
            HttpResponse<String> response = CLIENT.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            SEEN.add(new Seen(built.method(), built.uri().getPath(), built.headers().firstValue("Authorization").isPresent(),
                    response.statusCode(), response.body()));
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
