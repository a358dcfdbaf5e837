package cn.lanzhou.epidemic.common.http;

import cn.lanzhou.epidemic.common.json.Json;
import cn.lanzhou.epidemic.common.problem.Problem;
import cn.lanzhou.epidemic.common.validation.Errors;
import cn.lanzhou.epidemic.common.validation.Fields;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;

/** Turns a POST body, JSON or a form ({@link FormBody}), into {@link Fields}: 415 for its type or encoding, 413 for its size, 400 for its syntax. */
public final class RequestBody {
    private RequestBody() {
    }

    public static Fields read(ApiRequest request) {
        return read(request, false);
    }

    /** @param emptyAllowed a route such as {@code POST /reports/{date}} that takes an empty body or {@code {}} */
    public static Fields read(ApiRequest request, boolean emptyAllowed) {
        String encoding = request.header("content-encoding").orElse("").trim();
        if (!encoding.isEmpty() && !encoding.equalsIgnoreCase("identity")) {
            throw unsupported();
        }
        String mediaType = request.mediaType();
        boolean form = mediaType.equals("application/x-www-form-urlencoded");
        if (!form && !mediaType.equals("application/json")) {
            if (emptyAllowed && mediaType.isEmpty() && request.bodyBytes().length == 0) {
                return Fields.root(Json.object(), false, new Errors());
            }
            throw unsupported();
        }
        String charset = request.charset().orElse("utf-8");
        if (!charset.equalsIgnoreCase("utf-8") && !charset.equalsIgnoreCase("utf8")) {
            throw unsupported();
        }
        String text = request.bodyText();
        if (emptyAllowed && text.isBlank()) {
            return Fields.root(Json.object(), form, new Errors());
        }
        JsonNode node = form ? FormBody.parse(text) : parseJson(text);
        if (!node.isObject()) {
            throw Problem.malformed("请求体应为一个 JSON 对象 / The body must be a JSON object");
        }
        return Fields.root(node, form, new Errors());
    }

    private static JsonNode parseJson(String text) {
        if (text.isBlank()) {
            throw Problem.malformed("请求体为空 / The body is empty");
        }
        try {
            return Json.parse(text);
        } catch (StreamConstraintsException e) {
            throw Problem.malformed("请求体嵌套过深或数值过长 / The body is nested too deeply or has too long a number");
        } catch (JsonProcessingException e) {
            // the parser's own message may quote the body, so it is not passed on
            throw Problem.malformed("请求体不是有效的 JSON / The body is not valid JSON");
        } catch (NumberFormatException e) {
            // an exponent beyond what BigDecimal holds (1e9999999999): the parser throws this, not a JsonProcessingException
            throw Problem.malformed("请求体中的数值超出范围 / A number in the body is out of range");
        }
    }

    private static Problem unsupported() {
        return Problem.of(415, "unsupported-media-type", "不支持的内容类型 / Unsupported media type",
                "请以 application/json 或 application/x-www-form-urlencoded（UTF-8，不压缩）提交 / "
                        + "Send application/json or application/x-www-form-urlencoded (UTF-8, no content encoding)");
    }
}
