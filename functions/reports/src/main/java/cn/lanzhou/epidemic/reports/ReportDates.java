package cn.lanzhou.epidemic.reports;

import cn.lanzhou.epidemic.common.json.Json;
import cn.lanzhou.epidemic.common.problem.FieldError;
import cn.lanzhou.epidemic.common.problem.Problem;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The answer of {@code GET /reports}: a page of the compiled dates, newest first. */
final class ReportDates {
    private ReportDates() {
    }

    static ObjectNode page(Collection<LocalDate> compiled, int limit, Optional<String> nextToken) {
        Optional<LocalDate> before = nextToken.map(ReportDates::decodeToken);
        List<LocalDate> dates = compiled.stream()
                .filter(d -> before.isEmpty() || d.isBefore(before.get()))
                .sorted(Comparator.reverseOrder())
                .toList();
        ObjectNode body = Json.object();
        ArrayNode array = body.putArray("dates");
        dates.stream().limit(limit).forEach(d -> array.add(d.toString()));
        if (dates.size() > limit) {
            body.put("nextToken", encodeToken(dates.get(limit - 1)));
        }
        return body;
    }

    /** The token names the last date of the page; it is opaque to clients. */
    static String encodeToken(LocalDate last) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("before:" + last).getBytes(StandardCharsets.UTF_8));
    }

    private static LocalDate decodeToken(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (text.startsWith("before:")) {
                return LocalDate.parse(text.substring("before:".length()));
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            // answered below
        }
        throw Problem.validation(new FieldError("nextToken", "token", "翻页标记无效 / The page token is not valid"));
    }
}
