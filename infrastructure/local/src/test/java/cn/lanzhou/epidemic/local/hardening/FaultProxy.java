package cn.lanzhou.epidemic.local.hardening;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A small HTTP/1.1 proxy on loopback in front of dynalite or S3Proxy that injects failures by rule:
 * DynamoDB throttling (400 ProvisionedThroughputExceededException), 500s, silence (the client's
 * socket timeout fires) or a reset connection. Requests it lets through are forwarded byte for byte
 * (the Host header too, so S3 signatures stay valid), one upstream connection per request.
 */
final class FaultProxy implements AutoCloseable {
    enum Fault { THROTTLE, SERVER_ERROR, TIMEOUT, RESET }

    /** The head of one request: method, target and headers (names lower-cased). */
    record Request(String method, String target, Map<String, String> headers, byte[] body) {
        /** {@code PutItem}, {@code GetItem}...: DynamoDB's operation, or empty for S3. */
        String operation() {
            String target = headers.getOrDefault("x-amz-target", "");
            return target.substring(target.indexOf('.') + 1);
        }

        boolean isDynamoDb() {
            return headers.containsKey("x-amz-target");
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** Matching requests pass {@code skip} times, then fail {@code times} times (or for good). */
    static final class Rule {
        final Predicate<Request> matches;
        final Fault fault;
        final int skip;
        final int times;
        final AtomicInteger seen = new AtomicInteger();
        final AtomicInteger injected = new AtomicInteger();

        Rule(Predicate<Request> matches, Fault fault, int skip, int times) {
            this.matches = matches;
            this.fault = fault;
            this.skip = skip;
            this.times = times;
        }

        boolean fires(Request request) {
            if (!matches.test(request)) {
                return false;
            }
            int n = seen.getAndIncrement();
            if (n < skip || n - skip >= times) {
                return false;
            }
            injected.incrementAndGet();
            return true;
        }
    }

    static Predicate<Request> operation(String... operations) {
        List<String> names = List.of(operations);
        return r -> names.contains(r.operation());
    }

    static Predicate<Request> anyRequest() {
        return r -> true;
    }

    private final ServerSocket server;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fault-proxy");
        t.setDaemon(true);
        return t;
    });
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private final AtomicInteger forwarded = new AtomicInteger();
    private volatile URI upstream;

    FaultProxy() throws IOException {
        server = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
        pool.execute(this::acceptLoop);
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** For {@code LocalStack.Options.functionEndpoints}: remembers the real endpoint, answers with the proxy's. */
    URI inFrontOf(URI realEndpoint) {
        this.upstream = realEndpoint;
        return uri();
    }

    Rule add(Predicate<Request> matches, Fault fault, int skip, int times) {
        Rule rule = new Rule(matches, fault, skip, times);
        rules.add(rule);
        return rule;
    }

    Rule always(Predicate<Request> matches, Fault fault) {
        return add(matches, fault, 0, Integer.MAX_VALUE);
    }

    Rule first(int n, Predicate<Request> matches, Fault fault) {
        return add(matches, fault, 0, n);
    }

    /** Removes every rule and lets requests held silent go (their clients have given up by then). */
    void heal() {
        rules.clear();
        for (Socket socket : held) {
            closeQuietly(socket);
        }
        held.clear();
    }

    int forwarded() {
        return forwarded.get();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                pool.execute(() -> serve(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            while (true) {
                byte[] head = readHead(in);
                if (head == null) {
                    return;
                }
                Request request = parse(head, in, out);
                Fault fault = rules.stream().filter(rule -> rule.fires(request)).map(rule -> rule.fault).findFirst().orElse(null);
                if (fault == null) {
                    forward(head, request, out);
                    return; // upstream was asked to close; so is the client's connection
                }
                switch (fault) {
                    case THROTTLE -> respond(out, request, 400, "ProvisionedThroughputExceededException", "SlowDown", 503);
                    case SERVER_ERROR -> respond(out, request, 500, "InternalServerError", "InternalError", 500);
                    case TIMEOUT -> {
                        held.add(client);
                        while (in.read() >= 0) {
                            // say nothing until the client gives up and closes
                        }
                        return;
                    }
                    case RESET -> {
                        client.setSoLinger(true, 0);
                        return;
                    }
                    default -> throw new IllegalStateException();
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static void respond(OutputStream out, Request request, int dynamoStatus, String dynamoCode, String s3Code,
            int s3Status) throws IOException {
        String body;
        String contentType;
        int status;
        if (request.isDynamoDb()) {
            status = dynamoStatus;
            contentType = "application/x-amz-json-1.0";
            body = "{\"__type\":\"com.amazonaws.dynamodb.v20120810#" + dynamoCode + "\",\"message\":\"injected by FaultProxy\"}";
        } else {
            status = s3Status;
            contentType = "application/xml";
            body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + s3Code
                    + "</Code><Message>injected by FaultProxy</Message></Error>";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + " Injected\r\nContent-Type: " + contentType + "\r\nContent-Length: " + bytes.length
                + "\r\nx-amzn-RequestId: fault-proxy\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(bytes);
        out.flush();
    }

    private void forward(byte[] head, Request request, OutputStream clientOut) throws IOException {
        URI target = upstream;
        try (Socket up = new Socket()) {
            up.connect(new InetSocketAddress(target.getHost(), target.getPort()), 2000);
            up.setSoTimeout(30_000);
            OutputStream upOut = up.getOutputStream();
            upOut.write(withConnectionClose(head));
            upOut.write(request.body());
            upOut.flush();
            InputStream upIn = up.getInputStream();
            // a 100 Continue from upstream was already given to the client by parse()
            byte[] responseHead = readHead(upIn);
            while (responseHead != null && new String(responseHead, StandardCharsets.ISO_8859_1).matches("(?s)HTTP/1\\.\\d 1\\d\\d.*")) {
                responseHead = readHead(upIn);
            }
            if (responseHead == null) {
                return;
            }
            forwarded.incrementAndGet();
            clientOut.write(responseHead);
            upIn.transferTo(clientOut);
            clientOut.flush();
        }
    }

    private static byte[] withConnectionClose(byte[] head) {
        String text = new String(head, StandardCharsets.ISO_8859_1);
        StringBuilder result = new StringBuilder();
        for (String line : text.split("\r\n")) {
            if (line.isEmpty() || line.regionMatches(true, 0, "connection:", 0, 11)) {
                continue;
            }
            result.append(line).append("\r\n");
        }
        result.append("Connection: close\r\n\r\n");
        return result.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static Request parse(byte[] head, InputStream in, OutputStream out) throws IOException {
        String[] lines = new String(head, StandardCharsets.ISO_8859_1).split("\r\n");
        String[] requestLine = lines[0].split(" ");
        Map<String, String> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        if ("100-continue".equalsIgnoreCase(headers.getOrDefault("expect", ""))) {
            out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }
        if (headers.containsKey("transfer-encoding")) {
            throw new IOException("chunked requests are not supported by the fault proxy");
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        byte[] body = in.readNBytes(length);
        return new Request(requestLine[0], requestLine.length > 1 ? requestLine[1] : "/", headers, body);
    }

    /** The bytes up to and including the blank line, or null at the end of the stream. */
    private static byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3)) ? matched + 1 : 0;
            if (matched == 4) {
                return head.toByteArray();
            }
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already gone
        }
    }

    @Override
    public void close() throws IOException {
        heal();
        server.close();
        pool.shutdownNow();
    }

    static List<String> describe(List<Rule> rules) {
        List<String> result = new ArrayList<>();
        rules.forEach(r -> result.add(r.fault + " injected " + r.injected.get() + "x"));
        return result;
    }
}
