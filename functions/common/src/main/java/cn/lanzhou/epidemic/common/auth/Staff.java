package cn.lanzhou.epidemic.common.auth;

import cn.lanzhou.epidemic.common.config.Env;
import cn.lanzhou.epidemic.common.http.ApiRequest;
import cn.lanzhou.epidemic.common.problem.Problem;
import java.util.Arrays;
import java.util.Map;

/**
 * Staff routes sit behind the API Gateway JWT authorizer; the function checks the claims it passed
 * on as well (defence in depth): no claims 401, no {@code staff} in the groups claim 403. The claim's
 * name is the deployment's ({@code STAFF_GROUPS_CLAIM}, default {@code cognito:groups}): any OpenID
 * Connect provider may be the issuer.
 */
public final class Staff {
    public static final String GROUP = "staff";
    private static final String GROUPS_CLAIM = Env.get("STAFF_GROUPS_CLAIM", "cognito:groups");

    private Staff() {
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

    /**
     * API Gateway flattens an array claim into a string, {@code [staff admin]}; a JSON array
     * string ({@code ["staff"]}) or a comma-separated one are read as well.
     */
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
