package cn.lanzhou.epidemic.common.auth;

import cn.lanzhou.epidemic.common.config.Env;
import cn.lanzhou.epidemic.common.http.ApiRequest;
import cn.lanzhou.epidemic.common.problem.Problem;
import java.util.Arrays;
import java.util.Map;

/** Defence in depth behind the JWT authorizer; the groups claim is configurable ({@code STAFF_GROUPS_CLAIM}) for any OpenID Connect issuer. */
public final class Staff {
    public static final String GROUP = "staff";
    private static final String GROUPS_CLAIM = Env.get("STAFF_GROUPS_CLAIM", "cognito:groups");

    private Staff() {
    }

    /** The claims the authorizer passes for {@code sub} in {@code groups}, as API Gateway flattens them (for priming requests). */
    public static Map<String, String> claims(String sub, String... groups) {
        return Map.of("sub", sub, GROUPS_CLAIM, "[" + String.join(" ", groups) + "]");
    }

    /** The staff member's {@code sub}, or a 401/403 problem. */
    public static String require(ApiRequest request) {
        return require(request, GROUPS_CLAIM);
    }

    /**
     * As {@link #require(ApiRequest)}, and every one of {@code groups} as well (e.g. {@code tracer}): 403
     * when one is missing.
     */
    public static String requireGroups(ApiRequest request, String... groups) {
        String sub = require(request);
        java.util.List<String> held = groups(request.claims().get(GROUPS_CLAIM));
        for (String group : groups) {
            if (!held.contains(group)) {
                throw Problem.forbidden();
            }
        }
        return sub;
    }

    static String require(ApiRequest request, String groupsClaim) {
        Map<String, String> claims = request.claims();
        String sub = claims.get("sub");
        if (sub == null || sub.isBlank()) {
            throw Problem.unauthorized();
        }
        if (!groups(claims.get(groupsClaim)).contains(GROUP)) {
            throw Problem.forbidden();
        }
        return sub;
    }

    /** API Gateway flattens an array claim to {@code [staff admin]}; JSON-array and comma-separated strings are read too. */
    static java.util.List<String> groups(String claim) {
        if (claim == null) {
            return java.util.List.of();
        }
        String inner = claim.strip();
        if (inner.startsWith("[") && inner.endsWith("]")) {
            inner = inner.substring(1, inner.length() - 1);
        }
        return Arrays.stream(inner.split("[\\s,]+"))
                .map(g -> g.replace("\"", "").strip())
                .filter(g -> !g.isEmpty())
                .toList();
    }
}
