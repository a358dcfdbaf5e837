package cn.lanzhou.epidemic.common.testing;

import cn.lanzhou.epidemic.common.json.Json;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads the sample events of the repository's {@code events/} folder (the same files
 * {@code sam local invoke} uses) into the real event classes, so tests feed a handler exactly what
 * Lambda would. Paths are relative to the module being tested ({@code functions/x} or
 * {@code infrastructure/local}), both two levels below the root.
 */
public final class Events {
    /** Bean mapping is fine in tests; real events carry fields the event classes do not model. */
    private static final ObjectMapper MAPPER = Json.MAPPER.copy()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private Events() {
    }

    public static Path folder() {
        return Path.of(System.getProperty("user.dir")).resolve("../../events").normalize();
    }

    /** {@code Events.load("registration-post.json")}. */
    public static APIGatewayV2HTTPEvent load(String name) {
        return load(name, APIGatewayV2HTTPEvent.class);
    }

    public static <T> T load(String name, Class<T> type) {
        try {
            return MAPPER.readValue(Files.readString(folder().resolve(name)), type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load event " + name, e);
        }
    }
}
