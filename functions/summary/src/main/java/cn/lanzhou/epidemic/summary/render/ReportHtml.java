package cn.lanzhou.epidemic.summary.render;

import static cn.lanzhou.epidemic.common.http.HtmlText.escape;

import cn.lanzhou.epidemic.common.json.Json;
import cn.lanzhou.epidemic.summary.domain.Categories;
import cn.lanzhou.epidemic.summary.domain.Cumulative;
import cn.lanzhou.epidemic.summary.domain.DailyReport;
import cn.lanzhou.epidemic.summary.domain.DayAggregate;
import cn.lanzhou.epidemic.summary.domain.ObservationFigure;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

/**
 * report.html: the day's bulletin as one self-contained page (no external script, style, font or
 * image; inline CSS and SVG), in Chinese, readable on a phone: the "as of 24:00" cumulative line
 * per district, charts of today by district, the last 14 days and the reopening rates, and the
 * full tables.
 */
public final class ReportHtml {
    /** The trend chart is drawn about as wide as a phone shows it. */
    private static final int TREND_WIDTH = 360;
    private static final int WIDTH = 400;

    private ReportHtml() {
    }

    public static byte[] render(DailyReport report) {
        StringBuilder h = new StringBuilder(32_768);
        String day = chineseDate(report.date());
        h.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>疫情防控工作日报 ").append(day).append("</title>\n<style>\n")
                .append("body{font-family:system-ui,-apple-system,\"PingFang SC\",\"Microsoft YaHei\",sans-serif;")
                .append("max-width:980px;margin:0 auto;padding:12px;color:#1f2328;line-height:1.6;background:#fff}\n")
                .append("h1{font-size:1.5em;margin:.3em 0;color:#b3261e}h2{font-size:1.15em;margin:1.2em 0 .4em;")
                .append("border-left:4px solid #b3261e;padding-left:8px}\n")
                .append(".meta{color:#57606a;font-size:.9em}.cards{display:flex;flex-wrap:wrap;gap:8px}\n")
                .append(".card{flex:1 1 140px;border:1px solid #d0d7de;border-radius:6px;padding:8px}")
                .append(".card b{display:block;font-size:1.3em}\n")
                .append(".bulletin li{margin:.3em 0}.scroll{overflow-x:auto}\n")
                .append("table{border-collapse:collapse;font-size:13px;white-space:nowrap}")
                .append("th,td{border:1px solid #d0d7de;padding:3px 6px;text-align:right}")
                .append("th{background:#f6f8fa}td:first-child,th:first-child{text-align:left}\n")
                .append("tr.total td{font-weight:bold;background:#fff8f0}.zero{color:#57606a}.scroll:focus{outline:3px solid #1a5fb4}\n")
                .append("svg{width:100%;height:auto;max-width:").append(WIDTH).append("px;display:block}")
                .append("svg text{font-size:13px;fill:#1f2328}svg text.s{font-size:10px}\nfooter{margin-top:2em;color:#57606a;font-size:.85em}\n")
                .append("svg.trend{max-width:").append(TREND_WIDTH * 2).append("px}svg text.d{font-size:11px}\n")
                .append("</style>\n</head>\n<body>\n<main>\n");
        h.append("<h1>疫情防控工作日报</h1>\n<p class=\"meta\">统计日期：").append(day).append("（")
                .append(escape(report.zone().getId())).append("）· 生成时间：")
                .append(escape(localTime(report))).append("</p>\n");

        DailyReport.Row total = report.total();
        h.append("<h2>全市当日概况</h2>\n<div class=\"cards\">\n");
        card(h, "登记人次", Long.toString(total.day().registrations));
        card(h, "发热人次", Long.toString(total.day().fever));
        card(h, "检查车辆", Long.toString(total.day().vehicles));
        card(h, "捐赠资金（元）", Json.money(total.day().funds));
        card(h, "捐赠物资折价（元）", Json.money(total.day().materialsValue));
        card(h, "复工申请/批准/复工", total.day().submitted + "/" + total.day().approved + "/" + total.day().reopened);
        h.append("</div>\n");

        h.append("<h2>").append(asOf(report)).append("累计情况</h2>\n<ul class=\"bulletin\">\n");
        for (DailyReport.Row row : report.rows()) {
            bulletin(h, report, row);
        }
        bulletin(h, report, total);
        h.append("</ul>\n");

        h.append("<h2>当日各区县登记人次</h2>\n");
        barChart(h, "当日各区县登记人次", report.rows(), r -> r.day().registrations,
                r -> Long.toString(r.day().registrations), Long.MIN_VALUE);
        h.append("<h2>近").append(DayAggregate.TREND_DAYS).append("日趋势（全市登记人次）</h2>\n");
        trendChart(h, report.trend());
        h.append("<h2>各区县规模以上工业企业复工率</h2>\n");
        barChart(h, "各区县规模以上工业企业复工率", report.rows(), r -> rateBasisPoints(r.reopeningRate()),
                r -> percent(r.reopeningRate()), 10_000);

        h.append("<h2>人员登记</h2>\n");
        table(h, "人员登记", report, List.of("区县", "零报告", "登记人次", "累计", "发热", "高风险", "中风险", "低风险", "车辆"),
                r -> List.of(Long.toString(r.day().registrations), Long.toString(r.cumulative().registrations()),
                        Long.toString(r.day().fever), Long.toString(r.day().highRisk),
                        Long.toString(r.day().mediumRisk), Long.toString(r.day().lowRisk),
                        Long.toString(r.day().vehicles)));
        h.append("<h2>捐赠</h2>\n");
        table(h, "捐赠", report, List.of("区县", "零报告", "笔数", "资金（元）", "累计资金（元）", "物资折价（元）", "累计物资折价（元）"),
                r -> List.of(Long.toString(r.day().donations), Json.money(r.day().funds),
                        Json.money(r.cumulative().funds()), Json.money(r.day().materialsValue),
                        Json.money(r.cumulative().materialsValue())));
        List<String> itemHeaders = new java.util.ArrayList<>(List.of("区县", "零报告"));
        Categories.CODES.forEach(c -> itemHeaders.add(Categories.chinese(c)));
        h.append("<h2>捐赠物资数量</h2>\n");
        table(h, "捐赠物资数量", report, itemHeaders,
                r -> Categories.CODES.stream().map(c -> Long.toString(r.day().items.getOrDefault(c, 0L))).toList());
        h.append("<h2>复工复产</h2>\n");
        table(h, "复工复产", report, List.of("区县", "零报告", "申请", "批准", "驳回", "复工", "待审批", "规上企业", "规上累计复工", "复工率"),
                r -> List.of(Long.toString(r.day().submitted), Long.toString(r.day().approved),
                        Long.toString(r.day().rejected), Long.toString(r.day().reopened),
                        Long.toString(r.cumulative().pending()), Integer.toString(r.aboveSizeEnterprises()),
                        Long.toString(r.cumulative().aboveSizeReopened()), percent(r.reopeningRate())));
        h.append("<h2>医学观察</h2>\n");
        table(h, "医学观察", report, List.of("区县", "零报告", "观察中", "新增观察", "解除观察", "转院", "提前结束", "发热次数", "漏检次数"),
                r -> Stream.concat(Stream.of(r.cumulative().activeObservations()),
                        ObservationFigure.REPORTED.stream().map(figure -> r.day().observed(figure))).map(String::valueOf).toList());
        h.append("<h2>近").append(DayAggregate.TREND_DAYS).append("日观察中人数（全市）</h2>\n");
        trendTable(h, report.trend());
        h.append("</main>\n<footer>本报告仅含汇总数字，不含任何个人信息。零报告表示该区县当日无登记、捐赠、复工或医学观察事项。")
                .append("累计数含补报的往日数据。</footer>\n</body>\n</html>\n");
        return h.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The city's active observations of the trend's days, as a table (one row per day). */
    private static void trendTable(StringBuilder h, List<DailyReport.TrendDay> trend) {
        h.append("<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"近").append(trend.size())
                .append("日观察中人数（表格，可左右滑动）\"><table>\n<tr><th>日期</th><th>观察中</th></tr>\n");
        for (DailyReport.TrendDay day : trend) {
            h.append("<tr><td>").append(day.date()).append("</td><td>").append(day.activeObservations()).append("</td></tr>\n");
        }
        h.append("</table></div>\n");
    }

    private static void card(StringBuilder h, String label, String value) {
        h.append("<div class=\"card\">").append(escape(label)).append("<b>").append(escape(value)).append("</b></div>\n");
    }

    private static void bulletin(StringBuilder h, DailyReport report, DailyReport.Row row) {
        Cumulative c = row.cumulative();
        h.append("<li><strong>").append(escape(row.name())).append("</strong>：").append(asOf(report))
                .append("，累计登记检查").append(c.registrations()).append("人次；累计接收捐赠资金")
                .append(Json.money(c.funds())).append("元、捐赠物资折合").append(Json.money(c.materialsValue()))
                .append("元；规模以上工业企业累计复工").append(c.aboveSizeReopened()).append("家");
        BigDecimal rate = row.reopeningRate();
        if (rate != null) {
            h.append("，复工率").append(percent(rate));
        }
        h.append("；待审批复工申请").append(c.pending()).append("件。");
        if (row.day().zeroReport() && !"total".equals(row.code())) {
            h.append("<span class=\"zero\">（当日零报告）</span>");
        }
        h.append("</li>\n");
    }

    private static void table(StringBuilder h, String title, DailyReport report, List<String> headers,
            java.util.function.Function<DailyReport.Row, List<String>> cells) {
        // focusable, so that a keyboard can scroll a table wider than the phone
        h.append("<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"").append(escape(title)).append("（表格，可左右滑动）\"><table>\n<tr>");
        headers.forEach(name -> h.append("<th>").append(escape(name)).append("</th>"));
        h.append("</tr>\n");
        for (DailyReport.Row row : report.rows()) {
            h.append(row.day().zeroReport() ? "<tr class=\"zero\">" : "<tr>");
            h.append("<td>").append(escape(row.name())).append("</td><td>").append(row.day().zeroReport() ? "是" : "否")
                    .append("</td>");
            cells.apply(row).forEach(v -> h.append("<td>").append(escape(v)).append("</td>"));
            h.append("</tr>\n");
        }
        h.append("<tr class=\"total\"><td>").append(escape(report.total().name())).append("</td><td></td>");
        cells.apply(report.total()).forEach(v -> h.append("<td>").append(escape(v)).append("</td>"));
        h.append("</tr>\n</table></div>\n");
    }

    /** Horizontal bars, one per district; {@code scale} fixes the full width (rates), else the largest value does. */
    private static void barChart(StringBuilder h, String title, List<DailyReport.Row> rows,
            ToLongFunction<DailyReport.Row> value, java.util.function.Function<DailyReport.Row, String> label,
            long scale) {
        int rowHeight = 26;
        int labelWidth = 84;
        int barSpace = WIDTH - labelWidth - 80;
        long max = scale > 0 ? scale : Math.max(1, rows.stream().mapToLong(value).max().orElse(1));
        int height = rows.size() * rowHeight + 10;
        h.append("<svg viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" role=\"img\" aria-label=\"").append(escape(title)).append("\">\n");
        int y = 5;
        for (DailyReport.Row row : rows) {
            long v = Math.max(0, value.applyAsLong(row));
            long w = Math.round((double) Math.min(v, max) / max * barSpace);
            h.append("<text x=\"0\" y=\"").append(y + 17).append("\">").append(escape(row.name())).append("</text>")
                    .append("<rect x=\"").append(labelWidth).append("\" y=\"").append(y + 4).append("\" width=\"")
                    .append(w).append("\" height=\"").append(rowHeight - 8).append("\" fill=\"#c0392b\"/>")
                    .append("<text x=\"").append(labelWidth + w + 6).append("\" y=\"").append(y + 17).append("\">")
                    .append(escape(label.apply(row))).append("</text>\n");
            y += rowHeight;
        }
        h.append("</svg>\n");
    }

    /**
     * The trend of the last days as bars. Its own narrow drawing (not the bar charts' width) so that
     * at a phone's width the text keeps its size; dates and figures on every other day, counted back
     * from the report's day (always labelled), so no two labels touch; the first bar starts after a
     * margin so that its label is never cut off. Each bar's {@code title} names its day and figure.
     */
    private static void trendChart(StringBuilder h, List<DailyReport.TrendDay> trend) {
        int height = 200;
        int top = 22;
        int bottom = 26;
        int margin = 12;
        int plot = height - top - bottom;
        int slot = (TREND_WIDTH - 2 * margin) / Math.max(1, trend.size());
        int every = slot >= 40 ? 1 : slot >= 20 ? 2 : 3;
        long max = Math.max(1, trend.stream().mapToLong(DailyReport.TrendDay::registrations).max().orElse(1));
        h.append("<svg class=\"trend\" viewBox=\"0 0 ").append(TREND_WIDTH).append(' ').append(height)
                .append("\" role=\"img\" aria-label=\"近").append(trend.size()).append("日全市登记人次");
        for (DailyReport.TrendDay day : trend) {
            h.append("，").append(day.date().getMonthValue()).append("月").append(day.date().getDayOfMonth())
                    .append("日 ").append(day.registrations());
        }
        h.append("\">\n<line x1=\"").append(margin).append("\" y1=\"").append(top + plot).append("\" x2=\"")
                .append(TREND_WIDTH - margin).append("\" y2=\"").append(top + plot).append("\" stroke=\"#8c959f\"/>\n");
        for (int i = 0; i < trend.size(); i++) {
            DailyReport.TrendDay day = trend.get(i);
            long barHeight = Math.round((double) day.registrations() / max * plot);
            int x = margin + i * slot;
            int centre = x + slot / 2;
            String date = day.date().getMonthValue() + "/" + day.date().getDayOfMonth();
            h.append("<rect x=\"").append(x + 2).append("\" y=\"").append(top + plot - barHeight)
                    .append("\" width=\"").append(Math.max(1, slot - 4)).append("\" height=\"").append(barHeight)
                    .append("\" fill=\"#2f6fb5\"><title>").append(date).append("：").append(day.registrations())
                    .append("</title></rect>");
            if ((trend.size() - 1 - i) % every == 0) {
                h.append("<text x=\"").append(centre).append("\" y=\"").append(top + plot - barHeight - 4)
                        .append("\" text-anchor=\"middle\" class=\"s v\">").append(day.registrations()).append("</text>")
                        .append("<text x=\"").append(centre).append("\" y=\"").append(height - 8)
                        .append("\" text-anchor=\"middle\" class=\"d\">").append(date).append("</text>");
            }
            h.append('\n');
        }
        h.append("</svg>\n");
    }

    private static long rateBasisPoints(BigDecimal rate) {
        return rate == null ? 0 : rate.movePointRight(4).longValue();
    }

    static String percent(BigDecimal rate) {
        return rate == null ? "—" : rate.movePointRight(2).setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString() + "%";
    }

    static String chineseDate(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    /** "截至2月13日24时"; for a day compiled before it ended, the time of the compilation. */
    private static String asOf(DailyReport report) {
        ZonedDateTime at = report.generatedAt().atZone(report.zone());
        if (!at.toLocalDate().isAfter(report.date())) {
            return "截至" + chineseDate(report.date()) + at.getHour() + "时" + at.getMinute() + "分";
        }
        return "截至" + chineseDate(report.date()) + "24时";
    }

    private static String localTime(DailyReport report) {
        ZonedDateTime at = report.generatedAt().atZone(report.zone());
        return at.toLocalDate() + " " + at.toLocalTime().withNano(0);
    }

}
