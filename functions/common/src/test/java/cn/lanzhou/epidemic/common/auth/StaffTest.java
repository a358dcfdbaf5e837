package cn.lanzhou.epidemic.common.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.lanzhou.epidemic.common.http.ApiRequest;
import cn.lanzhou.epidemic.common.problem.Problem;
import cn.lanzhou.epidemic.common.testing.Requests;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StaffTest {

    private static ApiRequest with(Map<String, String> claims) {
        return new ApiRequest(Requests.route("GET /reports", "/reports").claims(claims).build());
    }

    @Test
    void noClaimsIs401() {
        assertEquals(401, assertThrows(Problem.class, () -> Staff.require(with(Map.of()))).status());
    }

    @Test
    void aTokenWithoutTheStaffGroupIs403() {
        var request = with(Map.of("sub", "u1", "cognito:groups", "[residents]"));
        assertEquals(403, assertThrows(Problem.class, () -> Staff.require(request)).status());
        var noGroups = with(Map.of("sub", "u1"));
        assertEquals(403, assertThrows(Problem.class, () -> Staff.require(noGroups)).status());
    }

    @Test
    void staffIsFoundInEveryWayTheGroupsClaimArrives() {
        assertEquals("u1", Staff.require(with(Map.of("sub", "u1", "cognito:groups", "[admin staff]"))));
        assertEquals(List.of("staff", "admin"), Staff.groups("[\"staff\",\"admin\"]"));
        assertEquals(List.of("staff"), Staff.groups("staff"));
        assertEquals(List.of(), Staff.groups("[]"));
    }

    @Test
    void aGroupThatOnlyContainsTheWordIsNotStaff() {
        var request = with(Map.of("sub", "u1", "cognito:groups", "[staffing]"));
        assertEquals(403, assertThrows(Problem.class, () -> Staff.require(request)).status());
    }

    @Test
    void theGroupsClaimOfAnotherProviderCountsAndCognitosDoesNotThen() {
        var request = with(Map.of("sub", "u1", "roles", "staff reviewer", "cognito:groups", "[residents]"));
        assertEquals("u1", Staff.require(request, "roles"));
        var cognitoOnly = with(Map.of("sub", "u1", "cognito:groups", "[staff]"));
        assertEquals(403, assertThrows(Problem.class, () -> Staff.require(cognitoOnly, "roles")).status());
    }
}
