package cn.lanzhou.epidemic.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Contract assertions shared by the runs against the local stack and against LocalStack (Testcontainers). */
public final class LocalStackContract {
    private LocalStackContract() {
    }

    /** GET /districts: the nine districts of Lanzhou, in order, as JSON. */
    public static void districts(Api api) {
        Api.Response response = api.get("/districts");

        assertEquals(200, response.status(), response.body());
        assertTrue(response.contentType().startsWith("application/json"), response.contentType());
        JsonNode districts = response.json().get("districts");
        List<String> codes = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Integer> enterprises = new ArrayList<>();
        districts.forEach(d -> {
            codes.add(d.get("code").asText());
            names.add(d.get("name").asText());
            enterprises.add(d.get("aboveSizeEnterprises").intValue());
            assertTrue(d.get("nameEn").isTextual());
            assertTrue(d.get("aboveSizeEnterprises").isIntegralNumber());
        });
        assertEquals(List.of("chengguan", "qilihe", "xigu", "anning", "honggu", "yongdeng", "gaolan", "yuzhong", "lanzhou-new-area"), codes);
        assertEquals(List.of("城关区", "七里河区", "西固区", "安宁区", "红古区", "永登县", "皋兰县", "榆中县", "兰州新区"), names);
        assertEquals(List.of(96, 78, 112, 64, 41, 38, 22, 47, 135), enterprises);
    }
}
