package cn.lanzhou.epidemic.common.http;

import cn.lanzhou.epidemic.common.problem.FieldError;
import cn.lanzhou.epidemic.common.problem.Problem;
import cn.lanzhou.epidemic.common.validation.Errors;
import cn.lanzhou.epidemic.common.validation.Messages;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;

/** The parameters of a request's URL, read by the API's rules (openapi.yaml): errors are 400s on the parameter's name. */
public final class QueryParameters {
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    private QueryParameters() {
    }

    /** {@code limit}: 1 to {@value #MAX_LIMIT}, {@value #DEFAULT_LIMIT} when absent; an error is added to {@code errors}. */
    public static int limit(ApiRequest request, Errors errors) {
        Optional<String> text = request.query("limit");
        if (text.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text.get());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // added below
        }
        errors.add("limit", "range", Messages.range(1, MAX_LIMIT));
        return DEFAULT_LIMIT;
    }

    /** {@code limit}, answering 400 at once when it is not valid. */
    public static int limit(ApiRequest request) {
        Errors errors = new Errors();
        int limit = limit(request, errors);
        errors.throwIfAny();
        return limit;
    }

    /** The parameter {@code name}, one of {@code type}'s constants if present; an error is added to {@code errors}. */
    public static <E extends Enum<E>> Optional<E> oneOf(ApiRequest request, String name, Class<E> type, Errors errors) {
        Optional<String> text = request.query(name);
        for (E constant : type.getEnumConstants()) {
            if (text.isPresent() && constant.name().equals(text.get())) {
                return Optional.of(constant);
            }
        }
        text.ifPresent(t -> errors.add(name, "enum", Messages.oneOf(Arrays.stream(type.getEnumConstants()).map(Enum::name).toList())));
        return Optional.empty();
    }

    /** {@code nextToken} as the client sent it back, if any: each route decodes its own. */
    public static Optional<String> nextToken(ApiRequest request) {
        return request.query("nextToken");
    }

    /** The path parameter {@code name}: a real calendar date, YYYY-MM-DD, or 400. */
    public static LocalDate date(ApiRequest request, String name) {
        String text = request.pathParameter(name).orElse("");
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text);
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        throw Problem.validation(new FieldError(name, "date", Messages.NOT_DATE));
    }
}
