package cn.lanzhou.epidemic.local.runtime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * What the containers write to stdout and stderr, as CloudWatch Logs would hold it: each line goes
 * to the stack's own output with the function's name in front, and is kept (the latest lines, bounded)
 * so that tests can read what the functions logged.
 */
public final class FunctionLogs {
    private static final int KEPT_LINES = 100_000;
    private final Deque<String> lines = new ArrayDeque<>();

    /** Reads {@code stream} line by line on a thread of its own until it ends. */
    void pump(String functionId, InputStream stream) {
        Thread.ofVirtual().name("logs-" + functionId).start(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    line(functionId, line);
                }
            } catch (IOException e) {
                // the container was killed: its pipes close with it
            }
        });
    }

    void line(String functionId, String line) {
        String prefixed = "[" + functionId + "] " + line;
        // System.out as it is now, not as it was at start: a test's console capture replaces it
        System.out.println(prefixed);
        synchronized (lines) {
            if (lines.size() == KEPT_LINES) {
                lines.removeFirst();
            }
            lines.addLast(prefixed);
        }
    }

    /** The lines kept so far, oldest first, each with its function's name in front. */
    public List<String> lines() {
        synchronized (lines) {
            return new ArrayList<>(lines);
        }
    }
}
