package cn.lanzhou.epidemic.local;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The web forms folder at {@code /}, as CloudFront serves it from S3 in AWS. */
final class StaticFiles {
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("htm", "text/html; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("webp", "image/webp"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("webmanifest", "application/manifest+json"));

    private static final java.util.Set<String> NOT_PUBLISHED_FOLDERS = java.util.Set.of("node_modules", "target", "src", "test");
    private static final java.util.Set<String> NOT_PUBLISHED_FILES = java.util.Set.of("copy-vendor.js");

    private final Path root;

    StaticFiles(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The file for a URL path, never outside the root; a directory means its index.html. */
    Optional<Path> resolve(String urlPath) {
        String decoded = EventMapper.decode(urlPath.replace("+", "%2B"));
        if (decoded.indexOf('\0') >= 0 || decoded.contains("\\")) {
            return Optional.empty();
        }
        Path file = root.resolve(decoded.replaceFirst("^/+", "")).normalize();
        if (!file.startsWith(root)) {
            return Optional.empty();
        }
        if (Files.isDirectory(file)) {
            file = file.resolve("index.html");
        }
        return Files.isRegularFile(file) && published(root.relativize(file)) ? Optional.of(file) : Optional.empty();
    }

    /**
     * Only what publish-web uploads to the forms bucket: the pages, scripts, styles and images, not the
     * folder's build files, tests, dependencies or notes (README.md, package.json, pom.xml, node_modules…).
     */
    static boolean published(Path relative) {
        String first = relative.getName(0).toString();
        String name = relative.getFileName().toString();
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        return !NOT_PUBLISHED_FOLDERS.contains(first) && !NOT_PUBLISHED_FILES.contains(name) && !name.startsWith(".")
                && TYPES.containsKey(extension) && !extension.equals("json");
    }

    /** Serves the file if there is one; false leaves the answer to the caller. */
    boolean serve(HttpExchange exchange, String urlPath) throws IOException {
        Optional<Path> file = resolve(urlPath);
        if (file.isEmpty()) {
            return false;
        }
        String name = file.get().getFileName().toString();
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        Responses.send(exchange, 200, TYPES.getOrDefault(extension, "application/octet-stream"), Files.readAllBytes(file.get()));
        return true;
    }
}
