package cn.lanzhou.epidemic.common.testing;

import cn.lanzhou.epidemic.common.http.GatewayJson;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The sample events of {@code events/} at the repository root (the ones {@code sam local invoke}
 * uses), loaded into the real event class so that tests feed a handler exactly what Lambda would.
 * Paths are relative to the module directory, where Maven runs the tests.
 */
public final class Events {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private Events() {
    }

    /** {@code load("donation-funds.json")} reads {@code ../../events/donation-funds.json}, as the handlers' stream path reads an event. */
    public static APIGatewayV2HTTPEvent load(String name) {
        try (var in = Files.newInputStream(path(name))) {
            return GatewayJson.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read event " + name, e);
        }
    }

    /** An event that is not an HTTP one (the schedule's), as the map a {@code Map} handler is given. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(String name) {
        try {
            return MAPPER.readValue(path(name).toFile(), Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read event " + name, e);
        }
    }

    /** The event's JSON as the file holds it, for a test that sends it on as text. */
    public static String text(String name) {
        try {
            return Files.readString(path(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read event " + name, e);
        }
    }

    private static Path path(String name) {
        return Path.of("../../events", name);
    }
}
