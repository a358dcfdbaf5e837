package cn.lanzhou.epidemic.common.problem;

/** One bad field: {@code field} a dotted path, {@code code} a stable word, {@code message} bilingual and never repeating the value (it may be personal). */
public record FieldError(String field, String code, String message) {
}
