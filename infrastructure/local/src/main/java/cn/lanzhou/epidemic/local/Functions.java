package cn.lanzhou.epidemic.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;

/**
 * The template's functions, in this JVM: one handler instance per function, created on first use
 * (as a Lambda container is), invoked through {@link RequestHandler#handleRequest}. Unlike Lambda,
 * an instance may serve concurrent requests; handlers keep no per-request state, so that is safe.
 */
final class Functions {
    private final Map<String, Template.Function> byId;
    private final String region;
    private final Function<Template.Function, RequestHandler<?, ?>> factory;
    private final Map<String, RequestHandler<?, ?>> handlers = new ConcurrentHashMap<>();

    Functions(List<Template.Function> functions, String region, Function<Template.Function, RequestHandler<?, ?>> factory) {
        this.byId = functions.stream().collect(java.util.stream.Collectors.toMap(Template.Function::id, f -> f));
        this.region = region;
        this.factory = factory;
    }

    /** Handlers created from the template's {@code Handler} class with its public no-arg constructor. */
    static Function<Template.Function, RequestHandler<?, ?>> fromClassPath() {
        return function -> {
            try {
                Object handler = Class.forName(function.handlerClass()).getDeclaredConstructor().newInstance();
                if (!(handler instanceof RequestHandler<?, ?> requestHandler)) {
                    throw new IllegalStateException(function.handlerClass() + " is not a RequestHandler");
                }
                return requestHandler;
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot create the handler of " + function.id() + ": " + function.handlerClass(), e);
            }
        };
    }

    boolean exists(String id) {
        return byId.containsKey(id);
    }

    Template.Function function(String id) {
        Template.Function function = byId.get(id);
        if (function == null) {
            throw new IllegalArgumentException("no function " + id);
        }
        return function;
    }

    /** Invokes the function with an event already of its declared input type. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    Object invoke(String id, Object event, String requestId) {
        Template.Function function = function(id);
        RequestHandler handler = handlers.computeIfAbsent(id, key -> factory.apply(function));
        return handler.handleRequest(event, new LocalContext(requestId, function, region));
    }

    /**
     * Invokes the function with a JSON payload, as Lambda's runtime does: the JSON becomes the
     * handler's declared input type (a Map, a String, a ScheduledEvent, any event class).
     */
    Object invokeWithJson(String id, String json) throws IOException {
        Template.Function function = function(id);
        RequestHandler<?, ?> handler = handlers.computeIfAbsent(id, key -> factory.apply(function));
        return invoke(id, fromJson(json, inputType(handler.getClass())), UUID.randomUUID().toString());
    }

    static Object fromJson(String json, Class<?> type) throws IOException {
        if (type == String.class) {
            return json;
        }
        if (type == Object.class || Map.class.isAssignableFrom(type)) {
            return LocalJson.MAPPER.readValue(json, new TypeReference<Map<String, Object>>() { });
        }
        if (type == ScheduledEvent.class) {
            return scheduledEvent(json);
        }
        return LocalJson.MAPPER.readValue(json, type);
    }

    /** An EventBridge scheduled event from its JSON (ScheduledEvent has no Jackson-friendly time setter). */
    private static ScheduledEvent scheduledEvent(String json) throws IOException {
        Map<String, Object> detail = json.isBlank() ? Map.of()
                : LocalJson.MAPPER.readValue(json, new TypeReference<Map<String, Object>>() { });
        Object resources = detail.get("resources");
        Object time = detail.get("time");
        return new ScheduledEvent()
                .withTime(time == null ? new DateTime(DateTimeZone.UTC) : new DateTime(String.valueOf(time), DateTimeZone.UTC))
                .withRegion(String.valueOf(detail.getOrDefault("region", LocalStack.REGION)))
                .withId(UUID.randomUUID().toString())
                .withVersion("0")
                .withAccount(TemplateReader.ACCOUNT_ID)
                .withSource(String.valueOf(detail.getOrDefault("source", "aws.scheduler")))
                .withDetailType(String.valueOf(detail.getOrDefault("detail-type", "Scheduled Event")))
                .withResources(resources instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of())
                .withDetail(detail.get("detail") instanceof Map<?, ?> d ? castMap(d) : Map.of());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    /** The {@code I} of {@code RequestHandler<I, O>} as the handler class declares it, through superclasses. */
    static Class<?> inputType(Class<?> handlerClass) {
        for (Class<?> c = handlerClass; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Type type : c.getGenericInterfaces()) {
                if (type instanceof ParameterizedType p && p.getRawType() == RequestHandler.class) {
                    Type input = p.getActualTypeArguments()[0];
                    if (input instanceof Class<?> inputClass) {
                        return inputClass;
                    }
                    if (input instanceof ParameterizedType generic && generic.getRawType() instanceof Class<?> raw) {
                        return raw;
                    }
                }
            }
        }
        return Object.class;
    }

    Class<?> inputType(String id) {
        Template.Function function = function(id);
        return inputType(handlers.computeIfAbsent(id, key -> factory.apply(function)).getClass());
    }
}
