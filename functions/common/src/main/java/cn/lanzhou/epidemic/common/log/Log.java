package cn.lanzhou.epidemic.common.log;

import cn.lanzhou.epidemic.common.json.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** JSON log lines with the request id; callers pass only non-personal facts, never a body, a name, an ID or a phone number. */
public final class Log {
    private static final int MAX_FRAMES = 20;
    private Log() {
    }

    public static void info(String requestId, String message, Object... keyValues) {
        write("INFO", requestId, message, null, keyValues);
    }

    public static void warn(String requestId, String message, Object... keyValues) {
        write("WARN", requestId, message, null, keyValues);
    }

    public static void error(String requestId, String message, Throwable error, Object... keyValues) {
        write("ERROR", requestId, message, error, keyValues);
    }

    private static void write(String level, String requestId, String message, Throwable error, Object... keyValues) {
        ObjectNode line = Json.object();
        line.put("time", Instant.now().toString());
        line.put("level", level);
        if (requestId != null) {
            line.put("requestId", requestId);
        }
        line.put("message", message);
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            Object value = keyValues[i + 1];
            if (value instanceof Number n) {
                line.put(String.valueOf(keyValues[i]), n.longValue());
            } else {
                line.put(String.valueOf(keyValues[i]), String.valueOf(value));
            }
        }
        if (error != null) {
            line.put("error", error.getClass().getName());
            sdkClientMessage(error).ifPresent(cause -> line.put("cause", cause));
            line.put("stackTrace", trace(error));
        }
        System.out.println(Json.write(line));
    }

    /** SDK client messages that name a misconfiguration but never quote (possibly personal) data; matched by name, so no SDK class loads. */
    private static final java.util.List<String> SAFE_SDK_MESSAGES = java.util.List.of(
            "Unable to load credentials", "Unable to execute HTTP request", "Client execution did not complete",
            "HTTP request execution did not complete");

    static java.util.Optional<String> sdkClientMessage(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage();
            if (t.getClass().getName().startsWith("software.amazon.awssdk.core.exception.") && message != null
                    && SAFE_SDK_MESSAGES.stream().anyMatch(message::startsWith)) {
                return java.util.Optional.of(message);
            }
        }
        return java.util.Optional.empty();
    }

    /** The stack trace without messages: a parser's message may quote its input, which may be personal data. */
    static String trace(Throwable error) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            out.append(t == error ? "" : "Caused by: ").append(t.getClass().getName()).append('\n');
            StackTraceElement[] frames = t.getStackTrace();
            for (int i = 0; i < Math.min(frames.length, MAX_FRAMES); i++) {
                out.append("\tat ").append(frames[i]).append('\n');
            }
        }
        return out.toString();
    }
}
