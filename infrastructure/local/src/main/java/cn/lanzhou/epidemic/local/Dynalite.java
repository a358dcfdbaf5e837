package cn.lanzhou.epidemic.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The DynamoDB API: dynalite (npm, pinned in package.json and its lock file) as a child process,
 * persistent under a folder or in memory. Killed on close and, failing that, when the JVM exits,
 * so no node process outlives the stack.
 */
final class Dynalite implements AutoCloseable {
    private static final long START_TIMEOUT_MILLIS = 30_000;
    private final Process process;
    private final int port;
    private final Thread killOnExit;
    private final boolean tls;

    private Dynalite(Process process, int port, boolean tls) {
        this.process = process;
        this.port = port;
        this.tls = tls;
        this.killOnExit = new Thread(this::kill, "dynalite-kill");
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /** Starts dynalite from {@code moduleDir/node_modules}; {@code dataDir} null means in memory, {@code tls} null plain HTTP. */
    static Dynalite start(Path moduleDir, Path dataDir, LocalTls tls) throws IOException {
        Path cli = moduleDir.resolve("node_modules/dynalite/cli.js");
        if (!Files.isRegularFile(cli)) {
            throw new IllegalStateException("dynalite is not installed: run `npm ci` in " + moduleDir);
        }
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(node(), cli.toString(), "--port", Integer.toString(port),
                // tables become ACTIVE at once instead of after dynalite's default half second
                "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"));
        if (tls != null) {
            // the PEM texts themselves, as dynalite takes them ("--key=…": minimist would read a leading "-" as a flag)
            command.addAll(List.of("--ssl", "--key=" + Files.readString(tls.serverKeyPem()),
                    "--cert=" + Files.readString(tls.serverCertPem()), "--ca=" + Files.readString(tls.caPem())));
        }
        if (dataDir != null) {
            Files.createDirectories(dataDir);
            command.addAll(List.of("--path", dataDir.toString()));
        }
        Process process = new ProcessBuilder(command)
                .directory(moduleDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        Dynalite dynalite = new Dynalite(process, port, tls != null);
        dynalite.awaitListening();
        return dynalite;
    }

    URI endpoint() {
        return URI.create((tls ? "https" : "http") + "://127.0.0.1:" + port);
    }

    long pid() {
        return process.pid();
    }

    private void awaitListening() throws IOException {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("dynalite exited with " + process.exitValue() + " before listening");
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleep(50);
            }
        }
        close();
        throw new IOException("dynalite did not listen on port " + port + " within " + START_TIMEOUT_MILLIS + " ms");
    }

    @Override
    public void close() {
        kill();
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run: nothing left to remove
        }
    }

    /** SIGTERM, then SIGKILL after a grace period: LevelDB flushes on a clean exit. */
    private void kill() {
        stop(process);
    }

    /** Stops a node child process and its descendants: SIGTERM, then SIGKILL after 3 seconds. */
    static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(3, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(3, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** The node executable: env {@code NODE}, else {@code node} on the PATH. */
    static String node() {
        String node = System.getenv("NODE");
        return node == null || node.isBlank() ? "node" : node;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
