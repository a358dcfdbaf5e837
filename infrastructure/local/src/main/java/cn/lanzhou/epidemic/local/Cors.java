package cn.lanzhou.epidemic.local;

import com.sun.net.httpserver.Headers;
import java.util.Arrays;
import java.util.List;

/**
 * The HTTP API's CorsConfiguration: methods, headers and max age from the template, origins from
 * env {@code ALLOWED_ORIGINS} (comma-separated), as the deployed stack takes them from a parameter.
 */
final class Cors {
    private final List<String> allowedOrigins;
    private final Template.Cors configuration;

    Cors(List<String> allowedOrigins, Template.Cors configuration) {
        this.allowedOrigins = List.copyOf(allowedOrigins);
        this.configuration = configuration;
    }

    static List<String> originsFromEnvironment(int port) {
        String origins = System.getenv("ALLOWED_ORIGINS");
        if (origins == null || origins.isBlank()) {
            return List.of("http://localhost:" + port, "http://127.0.0.1:" + port);
        }
        return Arrays.stream(origins.split(",")).map(String::strip).filter(o -> !o.isEmpty()).toList();
    }

    boolean allowed(String origin) {
        return origin != null && (allowedOrigins.contains("*") || allowedOrigins.contains(origin));
    }

    boolean isPreflight(String method, Headers headers) {
        return "OPTIONS".equals(method) && headers.getFirst("Origin") != null
                && headers.getFirst("Access-Control-Request-Method") != null;
    }

    /** Headers of a preflight answer (204); none for an origin that is not allowed, as API Gateway does. */
    void preflight(Headers request, Headers response) {
        String origin = request.getFirst("Origin");
        if (!allowed(origin)) {
            return;
        }
        response.set("Access-Control-Allow-Origin", origin);
        response.set("Access-Control-Allow-Methods", String.join(",", configuration.allowMethods()));
        response.set("Access-Control-Allow-Headers", String.join(",", configuration.allowHeaders()).toLowerCase(java.util.Locale.ROOT));
        response.set("Access-Control-Max-Age", Integer.toString(configuration.maxAgeSeconds()));
        response.set("Vary", "Origin");
    }

    /** Headers added to an ordinary response for an allowed origin. */
    void decorate(Headers request, Headers response) {
        String origin = request.getFirst("Origin");
        if (!allowed(origin)) {
            return;
        }
        response.set("Access-Control-Allow-Origin", origin);
        if (!configuration.exposeHeaders().isEmpty()) {
            response.set("Access-Control-Expose-Headers", String.join(",", configuration.exposeHeaders()).toLowerCase(java.util.Locale.ROOT));
        }
        response.set("Vary", "Origin");
    }
}
