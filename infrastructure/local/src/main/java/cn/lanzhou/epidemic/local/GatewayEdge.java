package cn.lanzhou.epidemic.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The listening socket of the local API, in front of the JDK's HTTP server. The JDK server answers
 * some requests itself, before any handler, in HTML: a request target {@link URI} cannot parse (a bad
 * {@code %} escape: 400 "URISyntaxException thrown"), one starting with {@code //} (read as an
 * authority: 404 "No context found"), header names with illegal characters, conflicting lengths or a
 * transfer coding other than chunked. API Gateway answers none of these in HTML; this edge answers them
 * as API Gateway does, {@code {"message":"Bad Request"}} (400) or {@code {"message":"Not Found"}} (404),
 * and hands every other request, one per connection, to the JDK server on a loopback port of its own.
 */
final class GatewayEdge implements AutoCloseable {
    /** Longer request heads are refused, as API Gateway refuses oversized headers. */
    static final int MAX_HEAD_BYTES = 64 * 1024;
    /** Set by the edge (any copy from the client removed): the caller's address, for the event's sourceIp. */
    static final String SOURCE_IP_HEADER = "X-Local-Edge-Source-Ip";

    private final ServerSocket socket;
    private final InetSocketAddress inner;
    private final ExecutorService connections = Executors.newVirtualThreadPerTaskExecutor();
    private final Thread acceptor;

    private GatewayEdge(ServerSocket socket, InetSocketAddress inner) {
        this.socket = socket;
        this.inner = inner;
        this.acceptor = Thread.ofPlatform().daemon().name("local-http-edge").unstarted(this::accept);
    }

    /** Listens on host:port (0 for a free port) and forwards to the server at {@code inner}. */
    static GatewayEdge open(String host, int port, InetSocketAddress inner) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getByName(host), port), 128);
        GatewayEdge edge = new GatewayEdge(socket, inner);
        edge.acceptor.start();
        return edge;
    }

    int port() {
        return socket.getLocalPort();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                connections.execute(() -> serve(client));
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    System.err.println("[local] accept failed: " + e);
                }
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            client.setSoTimeout(60_000);
            InputStream in = client.getInputStream();
            byte[] head = readHead(in);
            if (head == null) {
                return;
            }
            List<String> lines = List.of(new String(head, StandardCharsets.ISO_8859_1).split("\r\n", -1));
            String refusal = refusal(lines);
            if (refusal != null) {
                answer(client.getOutputStream(), refusal);
                return;
            }
            try (Socket server = new Socket()) {
                server.connect(inner, 5_000);
                OutputStream toServer = server.getOutputStream();
                toServer.write(forwardedHead(lines, client.getInetAddress().getHostAddress()));
                toServer.flush();
                Thread body = Thread.ofVirtual().start(() -> pump(in, toServer));
                relayResponse(server.getInputStream(), client.getOutputStream());
                body.interrupt();
            }
        } catch (IOException e) {
            // the client or the server went away: nothing to answer
        }
    }

    /** The request line and headers up to the blank line (without it), or null when the client sent no request. */
    private static byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int last4 = 0;
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            last4 = (last4 << 8) | b;
            if (last4 == 0x0D0A0D0A) {
                byte[] bytes = head.toByteArray();
                return Arrays.copyOf(bytes, bytes.length - 4);
            }
            if (head.size() > MAX_HEAD_BYTES) {
                return new byte[0]; // no request line: refused
            }
        }
        return null;
    }

    /**
     * The answer API Gateway would give itself ({@code "400"} or {@code "404"}), or null when the JDK
     * server takes the request as it is.
     */
    static String refusal(List<String> lines) {
        String[] requestLine = lines.getFirst().split(" ", -1);
        if (requestLine.length != 3 || requestLine[0].isEmpty() || !token(requestLine[0]) || !requestLine[2].startsWith("HTTP/")) {
            return "400";
        }
        String target = requestLine[1];
        if (!target.startsWith("/")) {
            return "400";
        }
        try {
            new URI(target);
        } catch (URISyntaxException e) {
            return "400";
        }
        if (target.startsWith("//")) {
            return "404"; // no route of the API starts with an empty segment
        }
        int lengths = 0;
        boolean chunked = false;
        for (String line : lines.subList(1, lines.size())) {
            int colon = line.indexOf(':');
            if (colon <= 0 || !token(line.substring(0, colon))) {
                return "400";
            }
            String name = line.substring(0, colon).toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            if (name.equals("content-length")) {
                lengths++;
                if (!value.matches("[0-9]{1,18}")) {
                    return "400";
                }
            } else if (name.equals("transfer-encoding")) {
                if (chunked || !value.equalsIgnoreCase("chunked")) {
                    return "400";
                }
                chunked = true;
            }
        }
        return lengths > 1 || (lengths == 1 && chunked) ? "400" : null;
    }

    private static boolean token(String text) {
        return text.chars().allMatch(c -> c > 32 && c < 127 && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0);
    }

    private static void answer(OutputStream out, String status) throws IOException {
        String message = status.equals("404") ? "Not Found" : "Bad Request";
        byte[] body = LocalJson.MAPPER.writeValueAsBytes(LocalJson.MAPPER.createObjectNode().put("message", message));
        String head = "HTTP/1.1 " + status + " " + message + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    /** The head as the JDK server gets it: one request per connection, the caller's address from the edge alone. */
    private static byte[] forwardedHead(List<String> lines, String sourceIp) {
        List<String> forwarded = new ArrayList<>();
        forwarded.add(lines.getFirst());
        for (String line : lines.subList(1, lines.size())) {
            String name = line.substring(0, line.indexOf(':')).strip();
            if (!name.equalsIgnoreCase("Connection") && !name.equalsIgnoreCase(SOURCE_IP_HEADER)) {
                forwarded.add(line);
            }
        }
        forwarded.add("Connection: close");
        forwarded.add(SOURCE_IP_HEADER + ": " + sourceIp);
        return (String.join("\r\n", forwarded) + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The server's answer, its head saying {@code Connection: close} (the server closes after it), then the rest as it comes. */
    private static void relayResponse(InputStream fromServer, OutputStream toClient) throws IOException {
        byte[] head = readHead(fromServer);
        if (head == null) {
            return;
        }
        List<String> lines = new ArrayList<>(List.of(new String(head, StandardCharsets.ISO_8859_1).split("\r\n", -1)));
        lines.removeIf(line -> line.regionMatches(true, 0, "Connection:", 0, "Connection:".length()));
        lines.add("Connection: close");
        toClient.write((String.join("\r\n", lines) + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        fromServer.transferTo(toClient);
        toClient.flush();
    }

    private static void pump(InputStream from, OutputStream to) {
        try {
            byte[] buffer = new byte[16 * 1024];
            int n;
            while ((n = from.read(buffer)) >= 0) {
                to.write(buffer, 0, n);
                to.flush();
            }
        } catch (SocketException closed) {
            // the exchange ended
        } catch (IOException e) {
            // the client stopped sending
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
        connections.shutdownNow();
    }
}
