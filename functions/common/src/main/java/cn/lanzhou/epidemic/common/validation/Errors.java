package cn.lanzhou.epidemic.common.validation;

import cn.lanzhou.epidemic.common.problem.FieldError;
import cn.lanzhou.epidemic.common.problem.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects every field error of a request (one per field, the first found) before answering. */
public final class Errors {
    private final Map<String, FieldError> byField = new LinkedHashMap<>();

    public void add(String field, String code, String message) {
        byField.putIfAbsent(field, new FieldError(field, code, message));
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public boolean isEmpty() {
        return byField.isEmpty();
    }

    public List<FieldError> list() {
        return new ArrayList<>(byField.values());
    }

    /** Throws the 400 problem listing every error, if there is any. */
    public void throwIfAny() {
        if (!byField.isEmpty()) {
            throw Problem.validation(list());
        }
    }
}
