package cn.lanzhou.epidemic.local;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

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
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /** Types worth compressing: text, and SVG and the manifest, which are text too. */
    private static boolean compressible(String contentType) {
        return contentType.startsWith("text/") || contentType.startsWith("application/json")
                || contentType.startsWith("image/svg+xml") || contentType.startsWith("application/manifest+json")
                || contentType.startsWith("image/x-icon");
    }

    /**
     * Serves the file if there is one; false leaves the answer to the caller. As CloudFront would:
     * gzip when the request's Accept-Encoding allows it, an ETag (of the content) and Last-Modified
     * answered with 304 when the browser's copy is current, HTML revalidated on every visit and
     * the rest cached for five minutes (the file names carry no hash).
     */
    boolean serve(HttpExchange exchange, String urlPath) throws IOException {
        Optional<Path> file = resolve(urlPath);
        if (file.isEmpty()) {
            return false;
        }
        String name = file.get().getFileName().toString();
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        String contentType = TYPES.getOrDefault(extension, "application/octet-stream");
        byte[] content = Files.readAllBytes(file.get());
        Instant modified = Files.getLastModifiedTime(file.get()).toInstant().truncatedTo(ChronoUnit.SECONDS);
        boolean gzip = compressible(contentType) && content.length > 256 && acceptsGzip(exchange.getRequestHeaders().getFirst("Accept-Encoding"));
        // one ETag per representation: the compressed body is another one
        String etag = "\"" + contentHash(content) + (gzip ? "-gz" : "") + "\"";
        Headers headers = exchange.getResponseHeaders();
        headers.set("Cache-Control", extension.startsWith("htm") ? "no-cache" : "public, max-age=300, must-revalidate");
        headers.set("ETag", etag);
        headers.set("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(modified.atZone(ZoneOffset.UTC)));
        headers.set("Vary", "Accept-Encoding");
        headers.set("X-Content-Type-Options", "nosniff");
        if (notModified(exchange.getRequestHeaders(), etag, modified)) {
            Responses.sendBody(exchange, 304, new byte[0]);
            return true;
        }
        if (gzip) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(content.length / 3 + 64);
            try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
                zip.write(content);
            }
            content = out.toByteArray();
            headers.set("Content-Encoding", "gzip");
        }
        Responses.send(exchange, 200, contentType, content);
        return true;
    }

    private static String contentHash(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** gzip is acceptable unless it (or *) is given q=0, or only other codings are named. */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null || acceptEncoding.isBlank()) {
            return false;
        }
        Double gzip = null;
        Double any = null;
        for (String part : acceptEncoding.split(",")) {
            String[] pieces = part.trim().split(";");
            String coding = pieces[0].trim().toLowerCase(Locale.ROOT);
            double q = 1;
            for (int i = 1; i < pieces.length; i++) {
                String p = pieces[i].trim().toLowerCase(Locale.ROOT);
                if (p.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(p.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            if (coding.equals("gzip") || coding.equals("x-gzip")) {
                gzip = q;
            } else if (coding.equals("*")) {
                any = q;
            }
        }
        double q = gzip != null ? gzip : any != null ? any : 0;
        return q > 0;
    }

    /** If-None-Match decides when present (RFC 9110 §13.2.2); else If-Modified-Since. */
    static boolean notModified(Headers request, String etag, Instant modified) {
        String ifNoneMatch = request.getFirst("If-None-Match");
        if (ifNoneMatch != null) {
            for (String tag : ifNoneMatch.split(",")) {
                String t = tag.trim();
                if (t.equals("*") || t.replaceFirst("^W/", "").equals(etag)) {
                    return true;
                }
            }
            return false;
        }
        String since = request.getFirst("If-Modified-Since");
        if (since == null) {
            return false;
        }
        try {
            Instant at = ZonedDateTime.parse(since.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return !modified.isAfter(at);
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
