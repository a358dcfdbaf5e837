package cn.lanzhou.epidemic.local;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The HTTP API's route table. As in API Gateway, the most specific route wins: literal segments
 * before {@code {param}}, and {@code {proxy+}} (greedy, the rest of the path) last.
 */
final class Routes {
    private final List<Template.Route> routes;

    Routes(List<Template.Route> routes) {
        this.routes = routes.stream()
                .sorted(java.util.Comparator.comparingInt(Routes::generality))
                .toList();
    }

    record Match(Template.Route route, Map<String, String> pathParameters) {
    }

    /** The route for the method and path; empty also when only another method matches (see {@link #allowedMethods}). */
    Optional<Match> match(String method, String path) {
        for (Template.Route route : routes) {
            if (route.method().equals(method) || route.method().equals("ANY")) {
                Map<String, String> parameters = parameters(route.path(), path);
                if (parameters != null) {
                    return Optional.of(new Match(route, parameters));
                }
            }
        }
        return Optional.empty();
    }

    /** The methods that some route serves at this path; empty for an unknown path. */
    List<String> allowedMethods(String path) {
        TreeSet<String> methods = new TreeSet<>();
        for (Template.Route route : routes) {
            if (parameters(route.path(), path) != null) {
                methods.add(route.method());
            }
        }
        return new ArrayList<>(methods);
    }

    List<Template.Route> all() {
        return routes;
    }

    /** The path parameters when the template path matches the request path, else null. */
    static Map<String, String> parameters(String template, String path) {
        List<String> expected = EventMapper.splitPath(template);
        List<String> actual = EventMapper.splitPath(path);
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < expected.size(); i++) {
            String segment = expected.get(i);
            if (segment.startsWith("{") && segment.endsWith("+}")) {
                if (i >= actual.size()) {
                    return null;
                }
                String rest = String.join("/", actual.subList(i, actual.size()));
                parameters.put(segment.substring(1, segment.length() - 2), decodePath(rest));
                return parameters;
            }
            if (i >= actual.size()) {
                return null;
            }
            if (segment.startsWith("{") && segment.endsWith("}")) {
                if (actual.get(i).isEmpty()) {
                    return null;
                }
                parameters.put(segment.substring(1, segment.length() - 1), decodePath(actual.get(i)));
            } else if (!segment.equals(actual.get(i))) {
                return null;
            }
        }
        return expected.size() == actual.size() ? parameters : null;
    }

    /** Percent-decoding of a path segment, where (unlike in a query) "+" is a plus sign. */
    private static String decodePath(String segment) {
        return EventMapper.decode(segment.replace("+", "%2B"));
    }

    private static int generality(Template.Route route) {
        int score = 0;
        for (String segment : EventMapper.splitPath(route.path())) {
            score = score * 3 + (segment.endsWith("+}") ? 2 : segment.startsWith("{") ? 1 : 0);
        }
        return route.path().contains("+}") ? Integer.MAX_VALUE - 1 : score;
    }
}
