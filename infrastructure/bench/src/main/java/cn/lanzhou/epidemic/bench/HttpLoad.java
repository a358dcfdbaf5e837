package cn.lanzhou.epidemic.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/** End-to-end over HTTP against the local stack: N clients posting fresh submissions for a bounded time, on loopback only. */
final class HttpLoad {
    record Result(int clients, double seconds, long requests, double throughputPerSecond, double p50Ms, double p99Ms,
            long errors, long nonSuccess) {
    }

    private HttpLoad() {
    }

    static Result run(URI url, Supplier<String> body, int clients, Duration duration) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong errors = new AtomicLong();
        AtomicLong nonSuccess = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long started = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            pool.submit(() -> {
                while (System.nanoTime() < end) {
                    HttpRequest request = HttpRequest.newBuilder(url)
                            .timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body.get()))
                            .build();
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                        latencies.add((System.nanoTime() - t0) / 1_000_000.0);
                        if (response.statusCode() >= 500) {
                            errors.incrementAndGet();
                        } else if (response.statusCode() >= 300) {
                            nonSuccess.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(duration.toSeconds() + 60, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - started) / 1e9;
        Stats stats = Stats.of(latencies);
        return new Result(clients, Stats.round(seconds), latencies.size(), Stats.round(latencies.size() / seconds),
                Stats.round(stats.percentile(50)), Stats.round(stats.percentile(99)), errors.get(), nonSuccess.get());
    }
}
