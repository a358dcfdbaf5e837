package cn.lanzhou.epidemic.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.yaml.snakeyaml.Yaml;

/** template.yaml, the local stack and openapi.yaml name the same routes, no more and no fewer. */
@ExtendWith(LocalStackExtension.class)
class RoutesMatchTemplateAndOpenApiTest {
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete", "head", "options");

    @Test
    void everyRouteOfTheTemplateIsServedLocally(LocalStack stack, Api api) {
        for (Template.Route route : stack.template().routes()) {
            String path = route.path().replaceAll("\\{[^}]+}", "sample-1");
            Api.Response response = api.send(api.request(path).method(route.method(),
                    java.net.http.HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json"));

            Routes.Match match = new Routes(stack.template().routes()).match(route.method(), path).orElseThrow();
            assertEquals(route, match.route(), route.routeKey() + " is shadowed by another route");
            assertFalse(response.body().contains("There is no such resource"), route.routeKey() + " is not served");
            assertNotEquals(405, response.status(), route.routeKey() + " answers 405");
            if (route.protectedByJwt()) {
                assertEquals(401, response.status(), route.routeKey() + " must need a token");
            }
        }
    }

    @Test
    void openApiListsExactlyTheRoutesOfTheTemplate(LocalStack stack) throws Exception {
        Set<String> fromTemplate = new TreeSet<>();
        stack.template().routes().forEach(r -> fromTemplate.add(r.routeKey()));

        assertEquals(fromTemplate, openApiRoutes());
    }

    @SuppressWarnings("unchecked")
    private static Set<String> openApiRoutes() throws Exception {
        Path file = LocalStack.findRepoRoot(Path.of("").toAbsolutePath()).resolve("openapi.yaml");
        Map<String, Object> document;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            document = new Yaml().load(reader);
        }
        Set<String> routes = new TreeSet<>();
        ((Map<String, Map<String, Object>>) document.get("paths")).forEach((path, operations) -> operations.keySet().stream()
                .filter(METHODS::contains)
                .forEach(method -> routes.add(method.toUpperCase(Locale.ROOT) + " " + path)));
        return routes;
    }
}
