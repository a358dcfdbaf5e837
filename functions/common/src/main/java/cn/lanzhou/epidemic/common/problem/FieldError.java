package cn.lanzhou.epidemic.common.problem;

/**
 * One bad field of a request: {@code field} is a dotted path ({@code items.0.quantity}),
 * {@code code} a stable machine word, {@code message} Chinese first, then English after " / ".
 * A message never repeats the submitted value: it may be personal data.
 */
public record FieldError(String field, String code, String message) {
}
