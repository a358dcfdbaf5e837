package cn.lanzhou.epidemic.common.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

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

    /** {@code load("donation-funds.json")} reads {@code ../../events/donation-funds.json}. */
    public static APIGatewayV2HTTPEvent load(String name) {
        try {
            return MAPPER.readValue(Path.of("../../events", name).toFile(), APIGatewayV2HTTPEvent.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read event " + name, e);
        }
    }
}
