package cn.lanzhou.epidemic.summary.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.lanzhou.epidemic.common.store.BackendUnavailable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BackgroundTest {

    @Test
    void theWorkRunsOnAnotherThreadAndJoinGivesItsResult() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        Thread caller = Thread.currentThread();
        Background<Thread> work = Background.start("test", () -> {
            release.await(5, TimeUnit.SECONDS);
            return Thread.currentThread();
        });
        release.countDown(); // the caller goes on while the work waits: it did not run inline
        Thread ran = work.join();
        assertNotSame(caller, ran);
        assertEquals("test", ran.getName());
    }

    @Test
    void aFailureIsRethrownAsItWas() {
        BackendUnavailable outage = new BackendUnavailable(new IllegalStateException("throttled"));
        Background<Void> work = Background.start("test", () -> {
            throw outage;
        });
        assertSame(outage, assertThrows(BackendUnavailable.class, work::join));
    }

    @Test
    void aCancelledWorkDoesNotHandOutAResult() {
        Background<String> work = Background.start("test", () -> {
            Thread.sleep(10_000);
            return "late";
        });
        work.cancel();
        assertThrows(IllegalStateException.class, work::join);
    }
}
