package cn.lanzhou.epidemic.common.http;

import java.util.Locale;

/** Reads an {@code Accept} header just far enough to tell a browser's page request from an API call. */
final class MediaTypes {
    private MediaTypes() {
    }

    static boolean prefersHtml(String accept) {
        double html = -1;
        double json = -1;
        for (String range : accept.toLowerCase(Locale.ROOT).split(",")) {
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
            String type = parts[0].trim();
            if (type.equals("text/html") || type.equals("application/xhtml+xml")) {
                html = Math.max(html, q);
            } else if (type.equals("application/json") || type.equals("application/problem+json")) {
                json = Math.max(json, q);
            }
        }
        return html > 0 && html > json;
    }
}
