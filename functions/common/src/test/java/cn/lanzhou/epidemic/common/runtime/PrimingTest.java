package cn.lanzhou.epidemic.common.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import cn.lanzhou.epidemic.common.model.Ids;
import cn.lanzhou.epidemic.common.testing.Snapshots;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PrimingTest {

    @Test
    void registeredWorkRunsBeforeTheCheckpointAndAFailureIsSwallowed() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        Priming.register("counting", runs::incrementAndGet);
        Priming.register("failing", () -> {
            throw new IllegalStateException("backend down");
        });

        Snapshots.checkpointAndRestore();

        assertEquals(1, runs.get());
    }

    @Test
    void idsAfterARestoreComeFromAFreshGenerator() throws Exception {
        Instant at = Instant.parse("2020-02-13T08:00:00Z");
        String before = Ids.random(at);

        Snapshots.checkpointAndRestore();

        assertNotEquals(before, Ids.random(at));
        assertEquals(26, Ids.random(at).length());
    }
}
