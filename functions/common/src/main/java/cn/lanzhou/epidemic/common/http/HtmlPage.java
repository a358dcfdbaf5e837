package cn.lanzhou.epidemic.common.http;

import cn.lanzhou.epidemic.common.json.Json;
import cn.lanzhou.epidemic.common.model.Districts;
import cn.lanzhou.epidemic.common.time.AppClock;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The page a browser gets when it posted a form without JavaScript: the same status as the JSON
 * answer, with the receipt, or the list of field errors and the way back to the form. One language
 * at a time ({@code ?lang=en|zh}, else the first language of Accept-Language; Chinese by default),
 * words instead of codes, times in the reporting time zone, and no internal word (field paths,
 * codes, "Idempotency-Key") shown to the person.
 */
final class HtmlPage {
    /** What a person reads for a field path (page-words.json), and for an enumerated value. */
    private static final Map<String, String[]> FIELDS = new LinkedHashMap<>();
    private static final Map<String, String[]> WORDS = new LinkedHashMap<>();
    private static final DateTimeFormatter ZH_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm", Locale.CHINA);
    private static final DateTimeFormatter EN_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.UK);
    private static final DateTimeFormatter ZH_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日", Locale.CHINA);
    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    static {
        JsonNode table = Json.parseTrusted(new String(resource("page-words.json"), StandardCharsets.UTF_8));
        table.get("fields").properties().forEach(e -> FIELDS.put(e.getKey(), new String[] {e.getValue().get(0).asText(), e.getValue().get(1).asText()}));
        table.get("words").properties().forEach(e -> WORDS.put(e.getKey(), new String[] {e.getValue().get(0).asText(), e.getValue().get(1).asText()}));
    }

    private static byte[] resource(String name) {
        try (InputStream in = HtmlPage.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Read once per container: the names of the districts and the reporting time zone. */
    private static final class Reference {
        static final Districts DISTRICTS = Districts.fromEnvironment();
        static final ZoneId ZONE = AppClock.zoneFromEnvironment();
    }

    private final boolean en;
    private final StringBuilder html = new StringBuilder(4096);

    private HtmlPage(boolean en) {
        this.en = en;
    }

    static APIGatewayV2HTTPResponse render(ApiRequest request, ApiResponse response, String receiptTitle) {
        HtmlPage page = new HtmlPage(english(request));
        String body = response.isProblem() ? page.problem(request, response.body()) : page.receipt(request, response.body(), receiptTitle);
        Map<String, String> headers = new LinkedHashMap<>(response.headers());
        headers.put("Content-Type", "text/html; charset=utf-8");
        headers.put("Content-Language", page.en ? "en" : "zh-CN");
        headers.put("Vary", "Accept, Accept-Language");
        headers.put("Cache-Control", "no-store");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'");
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(response.status())
                .withHeaders(headers)
                .withBody(body)
                .withIsBase64Encoded(false)
                .build();
    }

    /** {@code ?lang=en|zh} decides; else the first language the browser names; else Chinese. */
    static boolean english(ApiRequest request) {
        Optional<String> lang = request.query("lang");
        if (lang.isPresent() && !lang.get().isBlank()) {
            return lang.get().trim().toLowerCase(Locale.ROOT).startsWith("en");
        }
        String best = "";
        double bestQ = -1;
        for (Map.Entry<String, Double> tag : MediaTypes.qualities(request.header("accept-language").orElse("")).entrySet()) {
            if (!tag.getKey().isEmpty() && !tag.getKey().equals("*") && tag.getValue() > bestQ) {
                best = tag.getKey();
                bestQ = tag.getValue();
            }
        }
        return best.startsWith("en");
    }

    private String say(String zh, String english) {
        return en ? english : zh;
    }

    /** A server text "中文 / English": the part of the page's language. */
    private String part(String message) {
        int at = message.indexOf(" / ");
        if (at < 0) {
            return message;
        }
        return en ? message.substring(at + 3) : message.substring(0, at);
    }

    private void head(String title) {
        html.append("<!doctype html><html lang=\"").append(en ? "en" : "zh-CN").append("\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(HtmlText.escape(title)).append("</title><style>")
                .append("body{font-family:system-ui,\"PingFang SC\",\"Microsoft YaHei\",\"Noto Sans CJK SC\",sans-serif;max-width:40rem;margin:0 auto;padding:1rem;line-height:1.6;color:#1f2328}")
                .append("h1{font-size:1.4rem;line-height:1.3}dl{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1rem}")
                .append("dt{color:#4d5560}dd{margin:0;font-weight:600;overflow-wrap:anywhere}")
                .append(".ok{border:3px solid #1b6b34;background:#e8f5ec;padding:.75rem 1rem;border-radius:6px}")
                .append(".alert{border:3px solid #b00020;background:#fdecee;padding:.75rem 1rem;border-radius:6px}")
                .append(".alert h2{color:#b00020;margin:0 0 .25rem;font-size:1.2rem}.error{color:#b00020}")
                .append("a{color:#0b4f9c}.actions a{display:inline-block;margin:.5rem 1rem .5rem 0;padding:.6rem 1rem;border:2px solid #9b1c1c;border-radius:6px;color:#9b1c1c;text-decoration:none;font-weight:600}")
                .append("</style></head><body><main>");
    }

    private String finish() {
        html.append("</main></body></html>");
        return html.toString();
    }

    // ---------------------------------------------------------------- receipts

    private String receipt(ApiRequest request, JsonNode body, String receiptTitle) {
        boolean registration = body.has("riskLevel");
        boolean high = registration && "HIGH".equals(text(body, "riskLevel"));
        String title = high ? say("登记完成：高风险，请按下方提示处理", "Registered: high risk, see what to do next") : part(receiptTitle);
        head(title);
        html.append("<h1>").append(HtmlText.escape(title)).append("</h1>");
        if (high) {
            highRiskAdvice(body);
        }
        html.append("<div class=\"").append(high ? "alert" : "ok").append("\"><dl>");
        row(say("风险等级", "Risk level"), word("riskLevel", text(body, "riskLevel")));
        row(say("证件号码", "ID number"), text(body, "idNumberMasked"));
        row(say("手机号码", "Mobile number"), text(body, "phoneMasked"));
        if (body.has("fever")) {
            row(say("是否发热", "Fever"), body.get("fever").asBoolean() ? say("是", "Yes") : say("否", "No"));
        }
        if (registration) {
            row(say("隔离观察至", "Isolation until"), body.hasNonNull("isolationUntil") ? date(text(body, "isolationUntil")) : say("无需隔离", "No isolation"));
        }
        row(say("收据编号", "Receipt number"), text(body, "receiptNumber"));
        row(say("捐赠类型", "Kind of donation"), word("kind", text(body, "kind")));
        if (body.hasNonNull("value")) {
            row(say("价值", "Value"), text(body, "value") + say(" 元", " CNY"));
        }
        row(say("状态", "Status"), word("status", text(body, "status")));
        row(say("所在区县", "District"), districtName(text(body, "district")));
        row(say(registration ? "检查时间" : "日期", registration ? "Time of the check" : "Date"),
                registration ? time(text(body, "occurredAt")) : date(text(body, "localDate")));
        row(say("提交时间", "Submitted"), time(text(body, "submittedAt")));
        String id = text(body, "id");
        if (!id.isEmpty() && !body.has("receiptNumber")) {
            row(say(body.has("status") ? "申请编号" : "登记编号", body.has("status") ? "Application number" : "Registration number"), grouped(id));
        }
        html.append("</dl>");
        JsonNode readiness = body.get("readiness");
        if (readiness != null && readiness.isObject()) {
            JsonNode missing = readiness.get("missing");
            if (readiness.path("ready").asBoolean(false) || missing == null || missing.isEmpty()) {
                html.append("<p>").append(say("防控措施齐备。", "The prevention plan is complete.")).append("</p>");
            } else {
                html.append("<p>").append(say("防控方案尚缺以下措施，审批前请补齐：", "The prevention plan still lacks:")).append("</p><ul>");
                for (JsonNode m : missing) {
                    html.append("<li>").append(HtmlText.escape(word("missing", m.asText()))).append("</li>");
                }
                html.append("</ul>");
            }
        }
        html.append("</div><p>").append(say("请保存本页作为凭证（也可截图）。", "Keep this page (or a photo of it) as your receipt.")).append("</p>");
        html.append("<p class=\"actions\">");
        if (body.has("status") && !id.isEmpty()) {
            link("/status.html?id=" + encode(id), say("查看申请进度", "Check the application's status"));
        }
        String next = registration ? nextPersonLink(request) : backLink(request);
        link(next, registration ? say("登记下一位", "Register the next person") : say("再填一份", "Fill in another"));
        html.append("</p>");
        if (registration) {
            // without JavaScript the link cannot fill in the site; the form in the history still has it
            html.append("<p>").append(say("也可用浏览器的“返回”按钮回到表单：登记地点仍已填好，只需填写下一位的信息。",
                    "Or use the browser's Back button: the form still has the site filled in; enter the next person.")).append("</p>");
        }
        return finish();
    }

    private void highRiskAdvice(JsonNode body) {
        html.append("<div class=\"alert\" role=\"alert\"><h2>").append(say("请立即告知现场工作人员", "Tell the staff on site now")).append("</h2><p>");
        if (body.hasNonNull("isolationUntil")) {
            html.append(HtmlText.escape(say("须隔离观察至 " + date(text(body, "isolationUntil")) + "，期间每天早晚各测一次体温。",
                    "Isolation and medical observation until " + date(text(body, "isolationUntil")) + ", with a temperature check every morning and evening.")));
        } else {
            html.append(say("有发热症状：请在工作人员指引下前往发热门诊就诊，途中全程佩戴口罩，避免乘坐公共交通。",
                    "Fever: go to a fever clinic as the staff direct, wearing a mask all the way and avoiding public transport."));
        }
        html.append("</p><p>").append(say("咨询电话：12320（卫生健康热线），或所在区县疫情防控指挥部。",
                "Questions: call 12320 (health hotline) or the district's epidemic prevention office.")).append("</p></div>");
    }

    private void row(String label, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        html.append("<dt>").append(HtmlText.escape(label)).append("</dt><dd>").append(HtmlText.escape(value)).append("</dd>");
    }

    private void link(String href, String label) {
        html.append("<a href=\"").append(HtmlText.escape(href)).append("\">").append(HtmlText.escape(label)).append("</a>");
    }

    private String word(String group, String code) {
        if (code.isEmpty()) {
            return "";
        }
        String[] w = WORDS.get(group + "." + code);
        return w == null ? code : w[en ? 1 : 0];
    }

    private String districtName(String code) {
        if (code.isEmpty()) {
            return "";
        }
        return Reference.DISTRICTS.find(code).map(d -> en ? d.nameEn() : d.name()).orElse(code);
    }

    private String time(String iso) {
        if (iso.isEmpty()) {
            return "";
        }
        try {
            Instant at = iso.endsWith("Z") ? Instant.parse(iso) : OffsetDateTime.parse(iso).toInstant();
            return at.atZone(Reference.ZONE).format(en ? EN_TIME : ZH_TIME) + say("（北京时间）", " (Beijing time)");
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    private String date(String iso) {
        try {
            return LocalDate.parse(iso).format(en ? EN_DATE : ZH_DATE);
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    /** A long id in groups of four, so that it can be read out over the phone. */
    static String grouped(String id) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < id.length(); i += 4) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(id, i, Math.min(id.length(), i + 4));
        }
        return out.toString();
    }

    // ---------------------------------------------------------------- problems

    private String problem(ApiRequest request, JsonNode body) {
        String type = text(body, "type");
        String title = switch (type) {
            case "/problems/idempotency-key-reused" -> say("这份表单刚才已经提交过", "This form was already submitted");
            case "/problems/idempotency-in-progress" -> say("上一次提交仍在处理中", "The previous submission is still being processed");
            case "/problems/open-application-exists" -> say("该企业已有一份在办的申请", "This enterprise already has an open application");
            default -> part(text(body, "title"));
        };
        head(title);
        html.append("<h1>").append(HtmlText.escape(title)).append("</h1><div class=\"alert\">");
        String detail = switch (type) {
            case "/problems/idempotency-key-reused" -> say("内容有改动的表单须重新提交：请返回表单，再点一次提交。",
                    "A changed form must be submitted again: go back to the form and submit it once more.");
            case "/problems/idempotency-in-progress" -> say("请稍候几秒后刷新本页，不要重复填写。",
                    "Wait a few seconds and reload this page; do not fill the form in again.");
            case "/problems/open-application-exists" -> say("同一企业同时只能有一份待审批或已批准的申请。可查看该申请的进度；如需修改，请联系街道（乡镇）。",
                    "An enterprise can have one application awaiting a decision or approved at a time. See its status below; to change it, contact the street office.");
            default -> part(text(body, "detail"));
        };
        if (!detail.isEmpty()) {
            html.append("<p>").append(HtmlText.escape(detail)).append("</p>");
        }
        JsonNode errors = body.get("errors");
        if (errors != null && errors.isArray() && !errors.isEmpty()) {
            html.append("<ul class=\"error\">");
            for (JsonNode e : errors) {
                html.append("<li><strong>").append(HtmlText.escape(fieldLabel(text(e, "field")))).append("</strong>")
                        .append(en ? ": " : "：").append(HtmlText.escape(part(text(e, "message")))).append("</li>");
            }
            html.append("</ul>");
        }
        html.append("</div>");
        String existing = text(body, "existingId");
        html.append("<p class=\"actions\">");
        if (!existing.isEmpty()) {
            link("/status.html?id=" + encode(existing), say("查看在办申请的进度", "See the open application's status"));
        }
        html.append("</p>");
        if (errors != null && errors.isArray() && !errors.isEmpty() || "/problems/idempotency-key-reused".equals(type)) {
            html.append("<p>").append(say("请用浏览器的“返回”按钮回到表单修改，已填写的内容仍在表单中。",
                    "Use the browser's Back button to return to the form: what you typed is still there.")).append("</p>");
            html.append("<p>").append(say("如需重新填写一份空白表单：", "To start again with an empty form: "));
            link(backLink(request), say("打开空白表单", "open an empty form"));
            html.append("</p>");
        } else {
            html.append("<p>");
            link(backLink(request), say("回到表单", "Back to the form"));
            html.append("</p>");
        }
        String requestId = text(body, "requestId");
        if (!requestId.isEmpty() && text(body, "status").equals("500")) {
            html.append("<p>").append(say("请求编号：", "Request id: ")).append(HtmlText.escape(requestId)).append("</p>");
        }
        return finish();
    }

    /** The label of a field path: {@code items.2.unit} → "第 3 项 计量单位"; an unknown path is not shown as such. */
    private String fieldLabel(String path) {
        StringBuilder key = new StringBuilder();
        Integer index = null;
        for (String segment : path.split("\\.")) {
            if (segment.matches("\\d+")) {
                index = Integer.parseInt(segment) + 1;
            } else {
                key.append(key.isEmpty() ? "" : ".").append(segment);
            }
        }
        String[] label = FIELDS.get(key.toString());
        if (label == null) {
            return say("其他内容", "Other");
        }
        String name = label[en ? 1 : 0];
        if (index == null) {
            return name;
        }
        return en ? name + " (row " + index + ")" : name + "（第 " + index + " 项）";
    }

    // ---------------------------------------------------------------- links

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

    /** The registration form again with the same site (district, site type and code from the post), for the next person. */
    private static String nextPersonLink(ApiRequest request) {
        String back = backLink(request);
        String path = back.contains("?") ? back.substring(0, back.indexOf('?')) : back;
        if ("/".equals(path)) {
            path = "/register.html";
        }
        Map<String, String> form = new LinkedHashMap<>();
        String posted;
        try {
            posted = request.mediaType().equals("application/x-www-form-urlencoded") ? request.bodyText() : "";
        } catch (RuntimeException e) {
            posted = "";
        }
        for (String pair : posted.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.putIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        StringBuilder query = new StringBuilder();
        for (String[] p : new String[][] {{"district", "district"}, {"siteType", "site.type"}, {"siteCode", "site.code"}}) {
            String v = form.getOrDefault(p[1], "");
            if (!v.isBlank()) {
                query.append(query.isEmpty() ? "?" : "&").append(p[0]).append('=').append(encode(v));
            }
        }
        return path + query;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? "" : v.asText();
    }
}
