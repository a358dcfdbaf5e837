package cn.lanzhou.epidemic.reopening;

import cn.lanzhou.epidemic.common.json.Json;
import cn.lanzhou.epidemic.common.problem.FieldError;
import cn.lanzhou.epidemic.common.problem.Problem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code nextToken} of the staff list: base64url of a JSON object that maps each district
 * still to be read to its position (the last key returned, {@code ""} for not started). The list
 * merges one query per district, so the position of each is needed.
 */
public final class PageToken {
    private static final Pattern POSITION = Pattern.compile("(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z#[0-9A-Z]{26})?");

    private PageToken() {
    }

    static String encode(Map<String, String> positions) {
        ObjectNode node = Json.object();
        positions.forEach(node::put);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.write(node).getBytes(StandardCharsets.UTF_8));
    }

    /** The positions, restricted to the districts of this query; a token that is not ours is a 400. */
    static Map<String, String> decode(String token, Collection<String> districts) {
        try {
            JsonNode node = Json.parse(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8));
            Map<String, String> positions = new LinkedHashMap<>();
            if (!node.isObject() || node.isEmpty()) {
                throw invalid();
            }
            for (var field : node.properties()) {
                if (!districts.contains(field.getKey()) || !field.getValue().isTextual()
                        || !POSITION.matcher(field.getValue().asText()).matches()) {
                    throw invalid();
                }
                positions.put(field.getKey(), field.getValue().asText());
            }
            return positions;
        } catch (IllegalArgumentException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw invalid();
        }
    }

    private static Problem invalid() {
        return Problem.validation(new FieldError("nextToken", "invalid",
                "分页标记无效，请从第一页重新开始 / Invalid nextToken; start again from the first page"));
    }
}
