package cn.lanzhou.epidemic.common.http;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Reads {@code Accept}-style headers just far enough to tell a browser's page request from an API call. */
final class MediaTypes {
    private MediaTypes() {
    }

    static boolean prefersHtml(String accept) {
        double html = -1;
        double json = -1;
        for (Map.Entry<String, Double> range : qualities(accept).entrySet()) {
            String type = range.getKey();
            if (type.equals("text/html") || type.equals("application/xhtml+xml")) {
                html = Math.max(html, range.getValue());
            } else if (type.equals("application/json") || type.equals("application/problem+json")) {
                json = Math.max(json, range.getValue());
            }
        }
        return html > 0 && html > json;
    }

    /** Each value of the header, lower-cased, with its {@code q} (1 when absent, 0 when unreadable), in order. */
    static Map<String, Double> qualities(String header) {
        Map<String, Double> qualities = new LinkedHashMap<>();
        for (String range : header.toLowerCase(Locale.ROOT).split(",")) {
            String[] parts = range.trim().split(";");
            double q = 1.0;
            for (int i = 1; i < parts.length; i++) {
                String p = parts[i].trim();
                if (p.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(p.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            qualities.merge(parts[0].trim(), q, Math::max);
        }
        return qualities;
    }
}
