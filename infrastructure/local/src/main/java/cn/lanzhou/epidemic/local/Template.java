package cn.lanzhou.epidemic.local;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the local stack needs from template.yaml, already resolved for local use: names of local
 * tables and buckets, each function's handler and environment, its routes and schedules.
 */
public record Template(List<Table> tables, List<String> buckets, List<Secret> secrets, List<Function> functions, Cors cors) {

    public record Table(String name, List<Key> keySchema, Map<String, String> attributeTypes, List<Index> globalSecondaryIndexes) {
    }

    public record Key(String attributeName, String keyType) {
    }

    public record Index(String name, List<Key> keySchema, String projectionType) {
    }

    /**
     * An {@code AWS::Serverless::Function}: {@code handler} as written ({@code class::method}), its
     * deployment jar ({@code CodeUri}, relative to the repository), {@code MemorySize} and {@code Timeout}
     * with the Globals' defaults, and its environment variables, Globals merged and resolved.
     */
    /** A function; {@code snapStart} when the template turns SnapStart on for its published versions. */
    public record Function(String id, String handler, String codeUri, int memorySizeMb, int timeoutSeconds,
            Map<String, String> environment, List<Route> routes, List<Schedule> schedules, boolean snapStart) {
        public String handlerClass() {
            int separator = handler.indexOf("::");
            return separator < 0 ? handler : handler.substring(0, separator);
        }

        public String handlerMethod() {
            int separator = handler.indexOf("::");
            return separator < 0 ? "handleRequest" : handler.substring(separator + 2);
        }
    }

    /** An {@code AWS::SecretsManager::Secret}: its logical id and its local ARN (what {@code !Ref} gives). */
    public record Secret(String id, String arn) {
    }

    /** An {@code HttpApi} event: {@code protectedByJwt} unless its authorizer is {@code NONE}. */
    public record Route(String functionId, String method, String path, boolean protectedByJwt) {
        public String routeKey() {
            return method + " " + path;
        }
    }

    /** A {@code Schedule}/{@code ScheduleV2} event; {@code input} is the JSON text of {@code Input}, if any. */
    public record Schedule(String functionId, String name, String expression, ZoneId zone, Optional<String> input) {
    }

    /** The HTTP API's CorsConfiguration, less the origins, which come from the environment locally. */
    public record Cors(List<String> allowMethods, List<String> allowHeaders, List<String> exposeHeaders, int maxAgeSeconds) {
    }

    public List<Route> routes() {
        return functions.stream().flatMap(f -> f.routes().stream()).toList();
    }

    public List<Schedule> schedules() {
        return functions.stream().flatMap(f -> f.schedules().stream()).toList();
    }

    public Optional<Function> function(String id) {
        return functions.stream().filter(f -> f.id().equals(id)).findFirst();
    }
}
