package cn.lanzhou.epidemic.bench;

import cn.lanzhou.epidemic.common.json.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Runs {@link HandlerBenchmarks} with JMH (sample time, so percentiles) and returns p50/p99 per function in µs. */
final class HandlerOverhead {
    private HandlerOverhead() {
    }

    static ObjectNode run() throws RunnerException {
        Options options = new OptionsBuilder()
                .include(HandlerBenchmarks.class.getName())
                .warmupIterations(3)
                .warmupTime(TimeValue.seconds(2))
                .measurementIterations(5)
                .measurementTime(TimeValue.seconds(2))
                .forks(1)
                .threads(1)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        ObjectNode node = Json.object();
        for (RunResult result : results) {
            String name = result.getParams().getBenchmark();
            name = name.substring(name.lastIndexOf('.') + 1);
            var statistics = result.getPrimaryResult().getStatistics();
            node.putObject(name)
                    .put("p50Us", Stats.round(statistics.getPercentile(50)))
                    .put("p99Us", Stats.round(statistics.getPercentile(99)))
                    .put("samples", statistics.getN());
        }
        return node;
    }
}
