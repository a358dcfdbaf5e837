package cn.lanzhou.epidemic.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.lanzhou.epidemic.common.model.District;
import cn.lanzhou.epidemic.common.model.Districts;
import cn.lanzhou.epidemic.reportfiles.ReportFiles;
import cn.lanzhou.epidemic.summary.render.SummaryCsv;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ReportFilesRenderingTest {
    /** District names come from configuration: they may start like a formula or carry markup. */
    private static final Districts HOSTILE = new Districts(List.of(
            new District("a", "=HYPERLINK(\"http://x\",\"y\")", "A", 10),
            new District("b", "+1", "B", 0),
            new District("c", "-2", "C", 0),
            new District("d", "@SUM(A1)", "D", 0),
            new District("e", "\tTab", "E", 0),
            new District("f", "\rCR", "F", 0),
            new District("g", "<script>alert(1)</script>", "G", 0),
            new District("h", "城关区", "H", 96)));

    private final ReportFixture f = new ReportFixture(HOSTILE);

    private byte[] compiled(ReportFiles.File file) {
        f.now("2020-02-13T09:00:00");
        f.records.register(ReportFixture.at("2020-02-13T08:00:00"), "h", "LOW", false, null);
        f.records.funds(LocalDate.parse("2020-02-13"), "h", "2000.20");
        f.compile("2020-02-13", "2020-02-14T00:10:00");
        return f.store.get(ReportFiles.key(LocalDate.parse("2020-02-13"), file)).orElseThrow();
    }

    @Test
    void theCsvOpensWithAByteOrderMarkAndChineseHeaders() {
        byte[] csv = compiled(ReportFiles.CSV);
        assertEquals((byte) 0xEF, csv[0]);
        assertEquals((byte) 0xBB, csv[1]);
        assertEquals((byte) 0xBF, csv[2]);
        String text = new String(csv, StandardCharsets.UTF_8).substring(1);
        String[] lines = text.split("\r\n");
        assertTrue(lines[0].startsWith("日期,区县代码,区县,零报告,登记人次,累计登记人次"));
        assertEquals(1 + HOSTILE.all().size() + 1, lines.length, "header, one row per district, the total");
        assertTrue(lines[lines.length - 1].startsWith("2020-02-13,total,合计,"));
        assertTrue(lines[8].startsWith("2020-02-13,h,城关区,否,1,1,"));
        assertTrue(lines[8].contains(",2000.20,2000.20,0.00,0.00,"));
    }

    @Test
    void theCsvDefangsCellsThatASpreadsheetWouldTakeForAFormula() {
        String text = new String(compiled(ReportFiles.CSV), StandardCharsets.UTF_8);
        assertTrue(text.contains(",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\","), text);
        assertTrue(text.contains(",'+1,"));
        assertTrue(text.contains(",'-2,"));
        assertTrue(text.contains(",'@SUM(A1),"));
        assertTrue(text.contains(",'\tTab,"));
        assertTrue(text.contains(",\"'\rCR\","));
        for (String line : text.split("\r\n")) {
            for (String cell : line.split(",")) {
                String bare = cell.startsWith("\"") ? cell.substring(1) : cell;
                assertFalse(!bare.isEmpty() && "=+-@".indexOf(bare.charAt(0)) >= 0, "undefanged cell " + cell);
            }
        }
    }

    @Test
    void csvCellsAreQuotedOnlyWhenNeeded() {
        assertEquals("plain", SummaryCsv.cell("plain"));
        assertEquals("\"a,b\"", SummaryCsv.cell("a,b"));
        assertEquals("\"'=1,2\"", SummaryCsv.cell("=1,2"));
        assertEquals("", SummaryCsv.cell(""));
    }

    @Test
    void theHtmlPageRefersToNothingOutsideItself() {
        String html = new String(compiled(ReportFiles.HTML), StandardCharsets.UTF_8);
        assertFalse(Pattern.compile("(?i)(src|href)\\s*=\\s*[\"']?\\s*(https?:|//)").matcher(html).find());
        assertFalse(Pattern.compile("(?i)\\bsrc\\s*=").matcher(html).find(), "no embedded resources at all");
        assertFalse(html.toLowerCase().contains("<link"));
        assertFalse(html.toLowerCase().contains("@import"));
        assertFalse(html.toLowerCase().contains("url("));
        assertFalse(html.toLowerCase().contains("<script"), "district names are escaped, and there is no script");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    }

    @Test
    void theHtmlPageIsAChineseBulletinWithChartsForAPhone() {
        String html = new String(compiled(ReportFiles.HTML), StandardCharsets.UTF_8);
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<html lang=\"zh-CN\">"));
        assertTrue(html.contains("name=\"viewport\""));
        assertEquals(3, html.split("<svg", -1).length - 1, "today by district, 14-day trend, reopening rates");
        assertTrue(html.contains("<strong>城关区</strong>：截至2020年2月13日24时，累计登记检查1人次；累计接收捐赠资金2000.20元"));
        assertTrue(html.contains("近14日趋势"));
        assertTrue(html.contains("复工率"));
    }

    @Test
    void aDayCompiledBeforeItEndsSaysTheTimeItWasCompiled() {
        f.compile("2020-02-13", "2020-02-13T15:05:00");
        String html = f.file("2020-02-13", ReportFiles.HTML);
        assertTrue(html.contains("截至2020年2月13日15时5分"));
    }

    @Test
    void noReportFileCarriesPersonalData() {
        compiled(ReportFiles.JSON);
        for (var stored : f.store.files().values()) {
            String text = new String(stored.content(), StandardCharsets.UTF_8);
            assertFalse(text.contains("idNumber") || text.contains("phone") || text.contains("donor"));
        }
    }
}
