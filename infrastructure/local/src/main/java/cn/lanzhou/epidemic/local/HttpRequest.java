package cn.lanzhou.epidemic.local;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP request as received, independent of the server that received it: the input of
 * {@link EventMapper}. Header names keep their case here; each name maps to its values in order.
 */
record HttpRequest(String method, String rawPath, String rawQueryString, Map<String, List<String>> headers,
        byte[] body, String sourceIp, String protocol) {

    /** The header's values joined with "," (as API Gateway joins repeated headers), or null. */
    String header(String name) {
        for (var entry : headers.entrySet()) {
            if (entry.getKey().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return String.join(",", entry.getValue());
            }
        }
        return null;
    }
}
