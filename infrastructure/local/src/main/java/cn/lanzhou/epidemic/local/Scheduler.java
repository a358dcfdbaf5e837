package cn.lanzhou.epidemic.local;

import cn.lanzhou.epidemic.local.runtime.FunctionInvoker;
import cn.lanzhou.epidemic.local.runtime.Outcome;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The template's schedules (EventBridge Scheduler), in their time zones: at each fire time the
 * function gets the schedule's {@code Input}, or an EventBridge scheduled event when there is none.
 */
final class Scheduler implements AutoCloseable {
    private final FunctionInvoker functions;
    private final Clock clock;
    private final String region;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "local-scheduler");
        thread.setDaemon(true);
        return thread;
    });

    Scheduler(FunctionInvoker functions, Clock clock, String region) {
        this.functions = functions;
        this.clock = clock;
        this.region = region;
    }

    void start(List<Template.Schedule> schedules) {
        for (Template.Schedule schedule : schedules) {
            CronExpression expression = CronExpression.parse(schedule.expression());
            ZonedDateTime next = expression.next(ZonedDateTime.now(clock.withZone(schedule.zone())));
            System.out.println("[local] schedule " + schedule.name() + " (" + schedule.expression() + " " + schedule.zone()
                    + ") → " + schedule.functionId() + ", next at " + next.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            arm(schedule, expression, next);
        }
    }

    private void arm(Template.Schedule schedule, CronExpression expression, ZonedDateTime at) {
        long delay = Math.max(0, Duration.between(clock.instant(), at.toInstant()).toMillis());
        timer.schedule(() -> {
            fire(schedule, at);
            arm(schedule, expression, expression.next(at));
        }, delay, TimeUnit.MILLISECONDS);
    }

    private void fire(Template.Schedule schedule, ZonedDateTime at) {
        String payload = schedule.input().orElseGet(() -> scheduledEvent(schedule, at));
        // off the timer thread: a long report must not delay the next schedule
        Thread worker = new Thread(() -> {
            try {
                if (functions.invoke(schedule.functionId(), payload.getBytes(StandardCharsets.UTF_8)) instanceof Outcome.Failure failure) {
                    System.err.println("[local] schedule " + schedule.name() + " failed: " + failure.errorJson());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                System.err.println("[local] schedule " + schedule.name() + " failed: " + e);
            }
        }, "schedule-" + schedule.name());
        worker.start();
    }

    private String scheduledEvent(Template.Schedule schedule, ZonedDateTime at) {
        var event = LocalJson.MAPPER.createObjectNode()
                .put("version", "0")
                .put("id", UUID.randomUUID().toString())
                .put("detail-type", "Scheduled Event")
                .put("source", "aws.scheduler")
                .put("account", TemplateReader.ACCOUNT_ID)
                .put("time", at.toInstant().toString())
                .put("region", region);
        event.putArray("resources").add("arn:aws:scheduler:" + region + ":" + TemplateReader.ACCOUNT_ID + ":schedule/default/" + schedule.name());
        event.putObject("detail");
        return event.toString();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
