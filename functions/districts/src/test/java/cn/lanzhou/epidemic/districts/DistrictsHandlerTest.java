package cn.lanzhou.epidemic.districts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.lanzhou.epidemic.common.json.Json;
import cn.lanzhou.epidemic.common.testing.Requests;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The district list through the handler, on this module's own class path: it holds no AWS SDK,
 * as the deployment jar does not, so a dependency on the SDK creeping into the path fails here.
 */
class DistrictsHandlerTest {

    @Test
    void theBundledListIsLanzhousNineDistrictsInReportOrder() throws Exception {
        var response = new DistrictsHandler().handleRequest(Requests.route("GET /districts", "/districts").build(), null);
        assertEquals(200, response.getStatusCode());
        JsonNode districts = Json.parse(response.getBody()).get("districts");
        List<String> codes = new ArrayList<>();
        districts.forEach(d -> codes.add(d.get("code").asText()));
        assertEquals(List.of("chengguan", "qilihe", "xigu", "anning", "honggu", "yongdeng", "gaolan", "yuzhong",
                "lanzhou-new-area"), codes);
        assertEquals("城关区", districts.get(0).get("name").asText());
    }

    @Test
    void theSdkIsNotOnThisFunctionsClassPath() {
        assertEquals(false, present("software.amazon.awssdk.core.SdkClient"));
    }

    private static boolean present(String className) {
        try {
            Class.forName(className);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    @Test
    void aBrowserGetsTheListAsJsonNotASubmissionReceipt() throws Exception {
        var response = new DistrictsHandler().handleRequest(Requests.route("GET /districts", "/districts")
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").build(), null);
        assertEquals(200, response.getStatusCode());
        assertEquals("application/json; charset=utf-8", response.getHeaders().get("Content-Type"));
        assertEquals(9, Json.parse(response.getBody()).get("districts").size());
    }
}
