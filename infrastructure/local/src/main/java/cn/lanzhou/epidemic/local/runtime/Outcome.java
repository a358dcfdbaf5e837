package cn.lanzhou.epidemic.local.runtime;

import java.nio.charset.StandardCharsets;

/** How one invocation ended: the function's answer, or a failure as Lambda reports it (an error type and its JSON). */
public sealed interface Outcome {
    /** The payload the runtime posted to {@code /response}. */
    record Answer(byte[] payload) implements Outcome {
        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    /**
     * The function failed: an {@code /error} or {@code /init/error} post, a container that exited, or a
     * timeout. {@code errorType} as Lambda names it ({@code Sandbox.Timedout}, {@code Runtime.ExitError}, …).
     */
    record Failure(String errorType, String errorJson) implements Outcome {
    }
}
