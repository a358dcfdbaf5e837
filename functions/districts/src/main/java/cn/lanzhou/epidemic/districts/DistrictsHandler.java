package cn.lanzhou.epidemic.districts;

import cn.lanzhou.epidemic.common.http.ApiHandler;
import cn.lanzhou.epidemic.common.http.ApiRequest;
import cn.lanzhou.epidemic.common.http.ApiResponse;
import cn.lanzhou.epidemic.common.json.Json;
import cn.lanzhou.epidemic.common.model.District;
import cn.lanzhou.epidemic.common.model.Districts;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code GET /districts}: the reference list, public. */
public final class DistrictsHandler extends ApiHandler {
    private final ObjectNode body;

    public DistrictsHandler() {
        this(Districts.fromEnvironment());
    }

    public DistrictsHandler(Districts districts) {
        // the list does not change while the container lives: the answer is built once
        this.body = Json.object();
        ArrayNode array = body.putArray("districts");
        for (District d : districts.all()) {
            array.addObject()
                    .put("code", d.code())
                    .put("name", d.name())
                    .put("nameEn", d.nameEn())
                    .put("aboveSizeEnterprises", d.aboveSizeEnterprises());
        }
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.ok(body).withHeader("Cache-Control", "public, max-age=300");
    }
}
