package cn.lanzhou.epidemic.reports;

import cn.lanzhou.epidemic.common.aws.Endpoints;
import cn.lanzhou.epidemic.common.aws.SigV4;
import cn.lanzhou.epidemic.common.config.Clients;
import cn.lanzhou.epidemic.common.config.Env;
import cn.lanzhou.epidemic.common.json.Json;
import cn.lanzhou.epidemic.common.store.BackendUnavailable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * An asynchronous invocation (InvocationType Event) of the summary function with
 * {@code {"date": "YYYY-MM-DD"}}: Lambda queues it, answers 202 and retries a failed run itself.
 * One signed POST to Lambda's Invoke API with our SigV4 signer, instead of the SDK's Lambda client,
 * which would add some 4 MB and a thousand classes to this function for this one call.
 * {@code LAMBDA_ENDPOINT} points it at the local stack, which runs the function in the background.
 */
final class LambdaSummaryTrigger implements SummaryTrigger {
    private final URI endpoint;
    private final String region;
    private final Supplier<SigV4.Credentials> credentials;
    private final String functionName;

    LambdaSummaryTrigger(URI endpoint, String region, Supplier<SigV4.Credentials> credentials, String functionName) {
        this.endpoint = endpoint;
        this.region = region;
        this.credentials = credentials;
        this.functionName = functionName;
    }

    static LambdaSummaryTrigger fromEnvironment() {
        String region = Clients.region();
        URI endpoint = Env.optional("LAMBDA_ENDPOINT").map(URI::create)
                .orElseGet(() -> Endpoints.regional("lambda", region));
        return new LambdaSummaryTrigger(endpoint, region, Clients::signingCredentials, Env.required("SUMMARY_FUNCTION_NAME"));
    }

    @Override
    public void compile(LocalDate date) {
        byte[] payload = Json.writeBytes(Json.object().put("date", date.toString()));
        String segment = encode(functionName);
        HttpURLConnection connection = null;
        try {
            URI uri = endpoint.resolve("/2015-03-31/functions/" + segment + "/invocations");
            connection = (HttpURLConnection) uri.toURL().openConnection();
            connection.setConnectTimeout(2000);
            connection.setReadTimeout((int) Clients.ATTEMPT_TIMEOUT.toMillis());
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            connection.setFixedLengthStreamingMode(payload.length);
            for (var header : headers(uri, segment, payload, Instant.now()).entrySet()) {
                connection.setRequestProperty(header.getKey(), header.getValue());
            }
            try (OutputStream out = connection.getOutputStream()) {
                out.write(payload);
            }
            int status = connection.getResponseCode();
            if (status / 100 != 2) {
                // 4xx other than throttling is a configuration fault (name, permission): 500 with the trace in the log
                if (status == 429 || status >= 500) {
                    throw new BackendUnavailable(new IllegalStateException("Invoke answered " + status));
                }
                throw new IllegalStateException("Invoke of the summary function answered " + status);
            }
        } catch (IOException e) {
            throw new BackendUnavailable(e);
        } finally {
            if (connection != null) {
                connection.disconnect();
            }
        }
    }

    /** The request's headers, signed; Lambda (not S3) signs the path with each segment encoded twice. */
    Map<String, String> headers(URI uri, String encodedName, byte[] payload, Instant now) {
        String host = uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
        Map<String, String> signed = new LinkedHashMap<>();
        signed.put("host", host);
        signed.put("content-type", "application/json");
        signed.put("x-amz-invocation-type", "Event");
        String canonicalPath = "/2015-03-31/functions/" + encode(encodedName) + "/invocations";
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("X-Amz-Invocation-Type", "Event");
        headers.putAll(SigV4.sign("lambda", region, credentials.get(), now, canonicalPath, signed, payload));
        return headers;
    }

    /** RFC 3986 percent-encoding of one path segment, as SigV4 wants it (space %20, ~ kept). */
    static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20").replace("%7E", "~").replace("*", "%2A");
    }
}
