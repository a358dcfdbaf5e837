package cn.lanzhou.epidemic.common.http;

import cn.lanzhou.epidemic.common.json.Json;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a handler answers: a status, a JSON body and a few headers. */
public record ApiResponse(int status, JsonNode body, Map<String, String> headers) {
    public static ApiResponse json(int status, JsonNode body) {
        return new ApiResponse(status, body, new LinkedHashMap<>());
    }

    public static ApiResponse ok(JsonNode body) {
        return json(200, body);
    }

    public static ApiResponse created(JsonNode body) {
        return json(201, body);
    }

    public ApiResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new ApiResponse(status, body, copy);
    }

    public boolean isProblem() {
        return status >= 400;
    }

    APIGatewayV2HTTPResponse toEvent() {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Content-Type", isProblem() ? "application/problem+json" : "application/json; charset=utf-8");
        all.put("Cache-Control", "no-store");
        all.put("X-Content-Type-Options", "nosniff");
        all.putAll(headers);
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(all)
                .withBody(Json.write(body))
                .withIsBase64Encoded(false)
                .build();
    }
}
