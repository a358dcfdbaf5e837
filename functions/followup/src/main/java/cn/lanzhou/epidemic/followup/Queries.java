package cn.lanzhou.epidemic.followup;

import cn.lanzhou.epidemic.common.http.ApiRequest;
import cn.lanzhou.epidemic.common.http.QueryParameters;
import cn.lanzhou.epidemic.common.json.Json;
import cn.lanzhou.epidemic.common.validation.Errors;
import cn.lanzhou.epidemic.common.validation.Messages;
import cn.lanzhou.epidemic.followup.domain.Page;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Query parameters of the follow-up's GET routes, each error collected ({@link QueryParameters} for
 * {@code limit} and enums); {@code nextToken} is base64url of the last key returned (a time and an id).
 */
final class Queries {
    private static final Pattern POSITION = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z#[0-9A-Z]{26}");

    private final ApiRequest request;
    final Errors errors = new Errors();

    Queries(ApiRequest request) {
        this.request = request;
    }

    Optional<String> text(String name, int max) {
        Optional<String> value = request.query(name);
        if (value.isPresent() && value.get().length() > max) {
            errors.add(name, "length", Messages.length(1, max));
            return Optional.empty();
        }
        return value;
    }

    String required(String name, int max) {
        Optional<String> value = text(name, max);
        if (value.isEmpty() && !errors.has(name)) {
            errors.add(name, "required", Messages.REQUIRED);
        }
        return value.orElse(null);
    }

    LocalDate date(String name, LocalDate otherwise) {
        Optional<String> value = request.query(name);
        try {
            return value.map(LocalDate::parse).orElse(otherwise);
        } catch (DateTimeParseException e) {
            errors.add(name, "date", Messages.NOT_DATE);
            return otherwise;
        }
    }

    <E extends Enum<E>> Optional<E> enumValue(String name, Class<E> type) {
        return QueryParameters.oneOf(request, name, type, errors);
    }

    int limit() {
        return QueryParameters.limit(request, errors);
    }

    Optional<String> after() {
        Optional<String> token = request.query("nextToken");
        if (token.isEmpty()) {
            return Optional.empty();
        }
        try {
            String position = new String(Base64.getUrlDecoder().decode(token.get()), StandardCharsets.UTF_8);
            if (POSITION.matcher(position).matches()) {
                return Optional.of(position);
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        errors.add("nextToken", "invalid", "分页标记无效，请从第一页重新开始 / Invalid nextToken; start again from the first page");
        return Optional.empty();
    }

    void throwIfAny() {
        errors.throwIfAny();
    }

    /** {@code {"items": [...], "nextToken"}}, the token absent on the last page. */
    static <T> ObjectNode page(Page<T> page, Function<T, JsonNode> view) {
        ObjectNode body = Json.object();
        var items = body.putArray("items");
        page.items().forEach(item -> items.add(view.apply(item)));
        page.after().ifPresent(position -> body.put("nextToken",
                Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8))));
        return body;
    }
}
