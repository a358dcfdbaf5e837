package cn.lanzhou.epidemic.common.runtime;

import cn.lanzhou.epidemic.common.aws.SigV4;
import cn.lanzhou.epidemic.common.time.AppClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.time.Instant;
import java.util.Map;

/**
 * What every function needs first and that needs no network: the time zone's rules, a SigV4
 * signature (SHA-256, HMAC, the canonical request) and an HTTP connection object (not connected). Given to
 * {@link Priming#warmUp} at the very start of a handler's init, it runs on the function's second
 * vCPU while the first loads its configuration and JSON.
 */
public final class ClientWarmUp implements Runnable {
    @Override
    public void run() {
        AppClock.zoneFromEnvironment(); // the time-zone database is read on first use
        SigV4.sign("dynamodb", "cn-northwest-1", new SigV4.Credentials("warm-up", "warm-up", null), Instant.EPOCH,
                "/", Map.of("host", "localhost", "content-type", "application/x-amz-json-1.0"), new byte[0]);
        try {
            new URL("http://localhost/").openConnection();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
