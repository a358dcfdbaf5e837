package cn.lanzhou.epidemic.summary.render;

import cn.lanzhou.epidemic.common.json.Json;
import cn.lanzhou.epidemic.summary.domain.Categories;
import cn.lanzhou.epidemic.summary.domain.Cumulative;
import cn.lanzhou.epidemic.summary.domain.DailyReport;
import cn.lanzhou.epidemic.summary.domain.DistrictDay;
import cn.lanzhou.epidemic.summary.domain.ObservationFigure;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * summary.csv: a row per district and the total row, Chinese headers, UTF-8 with a BOM so that
 * Excel reads the Chinese right. A cell that a spreadsheet would take for a formula is defanged
 * with a leading {@code '}; cells with separators or quotes are quoted (RFC 4180, CRLF lines).
 */
public final class SummaryCsv {
    private static final String BOM = "\uFEFF";

    private SummaryCsv() {
    }

    static List<String> headers() {
        List<String> headers = new ArrayList<>(List.of("日期", "区县代码", "区县", "零报告",
                "登记人次", "累计登记人次", "发热人次", "高风险", "中风险", "低风险", "车辆数",
                "捐赠笔数", "捐赠资金（元）", "累计捐赠资金（元）", "捐赠物资折价（元）", "累计捐赠物资折价（元）"));
        for (String category : Categories.CODES) {
            headers.add("捐赠" + Categories.chinese(category) + "（数量）");
        }
        headers.addAll(List.of("复工申请", "批准", "驳回", "已复工", "待审批", "规模以上企业数",
                "规模以上企业累计复工", "复工率", "观察中", "新增观察", "解除观察", "转院", "提前结束", "发热次数", "漏检次数"));
        return headers;
    }

    public static byte[] render(DailyReport report) {
        StringBuilder out = new StringBuilder(BOM);
        line(out, headers());
        for (DailyReport.Row row : report.rows()) {
            line(out, cells(report, row, row.day().zeroReport() ? "是" : "否"));
        }
        line(out, cells(report, report.total(), ""));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> cells(DailyReport report, DailyReport.Row row, String zeroReport) {
        DistrictDay day = row.day();
        Cumulative cumulative = row.cumulative();
        List<String> cells = new ArrayList<>(List.of(report.date().toString(), row.code(), row.name(), zeroReport,
                n(day.registrations), n(cumulative.registrations()), n(day.fever), n(day.highRisk),
                n(day.mediumRisk), n(day.lowRisk), n(day.vehicles), n(day.donations), Json.money(day.funds),
                Json.money(cumulative.funds()), Json.money(day.materialsValue),
                Json.money(cumulative.materialsValue())));
        for (String category : Categories.CODES) {
            cells.add(n(day.items.getOrDefault(category, 0L)));
        }
        BigDecimal rate = row.reopeningRate();
        cells.addAll(List.of(n(day.submitted), n(day.approved), n(day.rejected), n(day.reopened),
                n(cumulative.pending()), n(row.aboveSizeEnterprises()), n(cumulative.aboveSizeReopened()),
                rate == null ? "" : rate.toPlainString(), n(cumulative.activeObservations())));
        ObservationFigure.REPORTED.forEach(figure -> cells.add(n(day.observed(figure))));
        return cells;
    }

    private static String n(long value) {
        return Long.toString(value);
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
    }

    /** Defangs a would-be formula, then quotes when needed. */
    public static String cell(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            text = '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
