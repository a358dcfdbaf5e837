package cn.lanzhou.epidemic.common.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The page a browser gets when it posted a form without JavaScript: the same status as the JSON
 * answer, with the receipt, or the list of field errors and a link back to the form.
 */
final class HtmlPage {
    private static final Map<String, String> LABELS = new LinkedHashMap<>();

    static {
        LABELS.put("id", "编号 / ID");
        LABELS.put("receiptNumber", "收据编号 / Receipt number");
        LABELS.put("status", "状态 / Status");
        LABELS.put("localDate", "日期 / Date");
        LABELS.put("occurredAt", "登记时间 / Time");
        LABELS.put("receivedAt", "接收时间 / Received");
        LABELS.put("submittedAt", "提交时间 / Submitted");
        LABELS.put("district", "区县 / District");
        LABELS.put("riskLevel", "风险等级 / Risk level");
        LABELS.put("fever", "发热 / Fever");
        LABELS.put("isolationUntil", "隔离观察至 / Isolation until");
        LABELS.put("idNumberMasked", "证件号码 / ID number");
        LABELS.put("phoneMasked", "手机号码 / Phone");
        LABELS.put("kind", "捐赠类型 / Kind");
        LABELS.put("value", "价值（元）/ Value (CNY)");
        LABELS.put("version", "版本 / Version");
    }

    private HtmlPage() {
    }

    static APIGatewayV2HTTPResponse render(ApiRequest request, ApiResponse response, String receiptTitle) {
        StringBuilder html = new StringBuilder(2048);
        JsonNode body = response.body();
        String back = backLink(request);
        boolean problem = response.isProblem();
        String title = problem ? text(body, "title") : receiptTitle;
        html.append("<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(HtmlText.escape(title)).append("</title><style>")
                .append("body{font-family:system-ui,sans-serif;max-width:40rem;margin:1rem auto;padding:0 1rem;line-height:1.6;color:#1a1a1a}")
                .append("h1{font-size:1.4rem}dl{display:grid;grid-template-columns:auto 1fr;gap:.3rem 1rem}dt{color:#555}dd{margin:0;font-weight:600}")
                .append(".error{color:#a00000}a{color:#0645ad}")
                .append("</style></head><body><main>");
        html.append("<h1>").append(HtmlText.escape(title)).append("</h1>");
        if (problem) {
            html.append("<p>").append(HtmlText.escape(text(body, "detail"))).append("</p>");
            JsonNode errors = body.get("errors");
            if (errors != null && errors.isArray() && errors.size() > 0) {
                html.append("<ul class=\"error\">");
                for (JsonNode e : errors) {
                    html.append("<li><strong>").append(HtmlText.escape(text(e, "field"))).append("</strong>：")
                            .append(HtmlText.escape(text(e, "message"))).append("</li>");
                }
                html.append("</ul>");
            }
            html.append("<p><a href=\"").append(HtmlText.escape(back)).append("\">返回修改 / Back to the form</a></p>");
        } else {
            html.append("<dl>");
            for (var label : LABELS.entrySet()) {
                JsonNode v = body.get(label.getKey());
                if (v != null && !v.isNull() && !v.isContainerNode()) {
                    html.append("<dt>").append(HtmlText.escape(label.getValue())).append("</dt><dd>")
                            .append(HtmlText.escape(v.asText())).append("</dd>");
                }
            }
            html.append("</dl><p>请保存本页作为凭证。/ Keep this page as your receipt.</p>")
                    .append("<p><a href=\"").append(HtmlText.escape(back)).append("\">继续登记 / Submit another</a></p>");
        }
        html.append("</main></body></html>");
        Map<String, String> headers = new LinkedHashMap<>(response.headers());
        headers.put("Content-Type", "text/html; charset=utf-8");
        headers.put("Cache-Control", "no-store");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(response.status())
                .withHeaders(headers)
                .withBody(html.toString())
                .withIsBase64Encoded(false)
                .build();
    }

    /** Back to the form that posted: the Referer's path when it is one of ours, else the home page. */
    private static String backLink(ApiRequest request) {
        String referer = request.header("referer").orElse("");
        String host = request.header("host").orElse("");
        for (String scheme : new String[] {"https://", "http://"}) {
            String prefix = scheme + host + "/";
            if (!host.isEmpty() && referer.startsWith(prefix)) {
                return referer.substring(prefix.length() - 1);
            }
        }
        return "/";
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? "" : v.asText();
    }
}
