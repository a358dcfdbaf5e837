package cn.lanzhou.epidemic.local.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.lanzhou.epidemic.local.Api;
import cn.lanzhou.epidemic.local.LocalStack;
import cn.lanzhou.epidemic.local.LocalStackExtension;
import cn.lanzhou.epidemic.local.Template;
import cn.lanzhou.epidemic.local.Tokens;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every route of template.yaml (read from it) × every kind of caller: anonymous, a token without
 * {@code staff}, a staff token, an expired one, one signed with another secret. Staff routes: 401
 * without a valid token, 403 without the group, never 401/403 with it. Public routes: never 401/403.
 */
@ExtendWith(LocalStackExtension.class)
class AuthorizationMatrixTest {

    @Test
    void everyRouteAnswersEveryKindOfCallerAsItsAuthorizerSays(Api api, LocalStack stack) {
        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("anonymous", null);
        callers.put("no staff group", Tokens.mint("citizen", List.of("citizens"), Duration.ofHours(1)));
        callers.put("staff", Tokens.staff());
        callers.put("expired staff", Tokens.mint(Tokens.secret(), "staff-old", List.of("staff"), Instant.now().minusSeconds(60)));
        callers.put("forged staff", Tokens.mint("another-secret", "mallory", List.of("staff"), Instant.now().plusSeconds(3600)));
        callers.put("garbage", "not.a.jwt");

        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Template.Route route : stack.template().routes()) {
            String handlerClass = stack.template().function(route.functionId()).orElseThrow().handlerClass();
            if (!BadInputCorpusTest.deployed(handlerClass)) {
                wrong.add(route.routeKey() + ": its function " + handlerClass + " is missing");
                continue;
            }
            String path = route.path().replace("{id}", "01ARZ3NDEKTSV4RRFFQ69G5FAV").replace("{date}", Samples.today().toString())
                    .replace("{type}", "CHECKPOINT").replace("{code}", "CG-01");
            for (var caller : callers.entrySet()) {
                HttpRequest.Builder request = api.request(path);
                if (route.method().equals("POST")) {
                    request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"));
                } else {
                    request.method(route.method(), HttpRequest.BodyPublishers.noBody());
                }
                if (caller.getValue() != null) {
                    request.header("Authorization", "Bearer " + caller.getValue());
                }
                int status = api.send(request).status();
                checked++;
                String expected = expected(route, caller.getKey());
                boolean ok = switch (expected) {
                    case "401" -> status == 401;
                    case "403" -> status == 403;
                    default -> status != 401 && status != 403 && status < 500;
                };
                if (!ok) {
                    wrong.add(route.routeKey() + " as " + caller.getKey() + ": " + status + ", expected " + expected);
                }
            }
        }
        System.out.println("[access] " + checked + " route × caller combinations checked over " + stack.template().routes().size() + " routes");
        assertEquals(List.of(), wrong);
    }

    private static String expected(Template.Route route, String caller) {
        if (!route.protectedByJwt()) {
            return "not 401/403";
        }
        // tracing needs the group tracer as well, its audit admin (openapi.yaml): a token with only staff is 403 there
        boolean extraGroup = route.path().equals("/persons/lookup") || route.path().startsWith("/sites/")
                || route.path().equals("/audit");
        return switch (caller) {
            case "staff" -> extraGroup ? "403" : "not 401/403";
            case "no staff group" -> "403";
            default -> "401";
        };
    }
}
