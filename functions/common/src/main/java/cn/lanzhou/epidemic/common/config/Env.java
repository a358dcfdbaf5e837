package cn.lanzhou.epidemic.common.config;

import java.util.Optional;

/**
 * The function's configuration. In Lambda it is the process environment that template.yaml sets;
 * the local stack runs every function in one JVM and hands each the same values as system
 * properties, so a property of the same name counts when the variable is absent.
 */
public final class Env {
    private Env() {
    }

    public static Optional<String> optional(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            value = System.getProperty(name);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    public static String get(String name, String defaultValue) {
        return optional(name).orElse(defaultValue);
    }

    public static String required(String name) {
        return optional(name).orElseThrow(() -> new IllegalStateException("missing configuration " + name));
    }
}
