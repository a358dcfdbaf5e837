package cn.lanzhou.epidemic.local.hardening;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, one request per connection, the request line and headers sent as
 * given: what {@link java.net.http.HttpClient} refuses to send (a bad {@code %} escape, a target
 * starting with {@code //}, odd header casing) is exactly what the fuzzer needs.
 */
final class RawHttp {
    private final URI base;

    RawHttp(URI base) {
        this.base = base;
    }

    /** A request as sent: the target verbatim, headers in order (name as cased), the body bytes (null: none). */
    record Request(String method, String target, List<Map.Entry<String, String>> headers, byte[] body) {
        /** A curl command line that sends the same request (for a failing case). */
        String curl(URI base) {
            StringBuilder line = new StringBuilder("curl -sS -i --path-as-is -X ").append(method);
            for (Map.Entry<String, String> header : headers) {
                line.append(" -H ").append(quote(header.getKey() + ": " + header.getValue()));
            }
            if (body != null) {
                line.append(" --data-binary ").append(quote(new String(body, StandardCharsets.UTF_8)));
            }
            return line.append(' ').append(quote(base.toString().replaceAll("/$", "") + target)).toString();
        }

        private static String quote(String text) {
            String shown = text.length() > 2000 ? text.substring(0, 2000) + "…(" + text.length() + " chars)" : text;
            return "'" + shown.replace("'", "'\\''") + "'";
        }
    }

    record Response(int status, Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    Response send(Request request) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(60_000);
            StringBuilder head = new StringBuilder(request.method()).append(' ').append(request.target()).append(" HTTP/1.1\r\n");
            head.append("Host: ").append(base.getHost()).append(':').append(base.getPort()).append("\r\n");
            for (Map.Entry<String, String> header : request.headers()) {
                head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
            }
            if (request.body() != null) {
                head.append("Content-Length: ").append(request.body().length).append("\r\n");
            }
            head.append("Connection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            if (request.body() != null) {
                out.write(request.body());
            }
            out.flush();
            return read(socket.getInputStream(), request.method().equals("HEAD"));
        }
    }

    private static Response read(InputStream in, boolean head) throws IOException {
        byte[] all = in.readAllBytes();
        int end = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
        if (end < 0) {
            throw new IOException("no response head in " + all.length + " bytes");
        }
        String[] lines = new String(all, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
        }
        byte[] body = java.util.Arrays.copyOfRange(all, end + 4, all.length);
        if (!head && "chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Response(status, headers, head ? new byte[0] : body);
    }

    private static byte[] dechunk(byte[] chunked) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (true) {
            int lineEnd = indexOf(chunked, new byte[] {'\r', '\n'}, at);
            if (lineEnd < 0) {
                throw new IOException("truncated chunked body");
            }
            int size = Integer.parseInt(new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].strip(), 16);
            if (size == 0) {
                return out.toByteArray();
            }
            out.write(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
    }

    private static int indexOf(byte[] data, byte[] what, int from) {
        outer:
        for (int i = from; i <= data.length - what.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (data[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static List<Map.Entry<String, String>> headers() {
        return new ArrayList<>();
    }
}
