package cn.lanzhou.epidemic.common.config;

import java.util.Optional;

/** Configuration from the process environment (template.yaml, or the local stack); a blank variable counts as absent. */
public final class Env {
    private Env() {
    }

    public static Optional<String> optional(String name) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    public static String get(String name, String defaultValue) {
        return optional(name).orElse(defaultValue);
    }

    public static String required(String name) {
        return optional(name).orElseThrow(() -> new IllegalStateException("missing configuration " + name));
    }
}
