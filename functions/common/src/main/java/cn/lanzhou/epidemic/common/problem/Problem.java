package cn.lanzhou.epidemic.common.problem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An RFC 9457 problem, turned into the response in one place ({@link cn.lanzhou.epidemic.common.http.ApiHandler}); its texts never carry submitted personal data. */
public final class Problem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String type;
    private final String title;
    private final List<FieldError> errors;
    private final transient Map<String, Object> extensions;
    private final transient Map<String, String> headers;

    private Problem(int status, String type, String title, String detail, List<FieldError> errors,
            Map<String, Object> extensions, Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.extensions = extensions;
        this.headers = headers;
    }

    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(status, "/problems/" + slug, title, detail, List.of(), new LinkedHashMap<>(), new LinkedHashMap<>());
    }

    public static Problem validation(List<FieldError> errors) {
        return new Problem(400, "/problems/validation", "请求内容有误 / Invalid request",
                "有 " + errors.size() + " 处字段不符合要求，请修改后重新提交 / " + errors.size()
                        + " field(s) are invalid; correct them and submit again",
                errors, new LinkedHashMap<>(), new LinkedHashMap<>());
    }

    public static Problem validation(FieldError error) {
        return validation(List.of(error));
    }

    /** An unreadable body: one {@code errors} entry for the whole body (field {@code ""}, code {@code malformed}), as every 400 has them. */
    public static Problem malformed(String detail) {
        return new Problem(400, "/problems/malformed-body", "请求格式错误 / Malformed request", detail,
                List.of(new FieldError("", "malformed", detail)), new LinkedHashMap<>(), new LinkedHashMap<>());
    }

    public static Problem unauthorized() {
        return of(401, "unauthorized", "需要登录 / Authentication required",
                "请使用工作人员账号登录后再试 / Sign in with a staff account and try again")
                .withHeader("WWW-Authenticate", "Bearer");
    }

    public static Problem forbidden() {
        return of(403, "forbidden", "无权访问 / Forbidden",
                "此功能仅限工作人员使用 / This function is for staff only");
    }

    public static Problem notFound(String detail) {
        return of(404, "not-found", "未找到 / Not found", detail);
    }

    public static Problem conflict(String slug, String detail) {
        return of(409, slug, "冲突 / Conflict", detail);
    }

    public static Problem unprocessable(String slug, String detail) {
        return of(422, slug, "无法处理 / Unprocessable request", detail);
    }

    public static Problem unavailable(int retryAfterSeconds) {
        return of(503, "unavailable", "服务繁忙 / Service unavailable",
                "系统暂时繁忙，请稍后重试；本次提交未被保存 / The service is busy; try again shortly. Nothing was saved.")
                .withHeader("Retry-After", Integer.toString(retryAfterSeconds));
    }

    public Problem with(String member, Object value) {
        extensions.put(member, value);
        return this;
    }

    public Problem withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Map<String, String> headers() {
        return headers;
    }

    /** The problem+json body. */
    public ObjectNode body(String requestId) {
        ObjectNode body = cn.lanzhou.epidemic.common.json.Json.object();
        body.put("type", type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", getMessage());
        if (status == 400) {
            var array = body.putArray("errors");
            for (FieldError e : errors) {
                array.addObject().put("field", e.field()).put("code", e.code()).put("message", e.message());
            }
        }
        extensions.forEach((name, value) -> {
            if (value instanceof JsonNode node) {
                body.set(name, node);
            } else if (value instanceof Integer || value instanceof Long) {
                body.put(name, ((Number) value).longValue());
            } else if (value instanceof Boolean flag) {
                body.put(name, flag);
            } else {
                body.put(name, String.valueOf(value));
            }
        });
        if (requestId != null) {
            body.put("requestId", requestId);
        }
        return body;
    }
}
