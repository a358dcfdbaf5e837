package cn.lanzhou.epidemic.reportfiles;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The daily report's keys, fixed so a recompile overwrites; {@code summary.json}, written last, describes the set, so one HEAD finds a complete one. */
public final class ReportFiles {
    public static final String PREFIX = "reports/daily/";
    public static final String SUMMARY_JSON = "summary.json";
    public static final String SUMMARY_CSV = "summary.csv";
    public static final String REPORT_HTML = "report.html";

    /** Object metadata names on summary.json (S3 user metadata, lower-case). */
    public static final String META_GENERATED_AT = "generated-at";

    private static final Pattern SUMMARY_KEY = Pattern.compile(
            Pattern.quote(PREFIX) + "(\\d{4}-\\d{2}-\\d{2})/" + Pattern.quote(SUMMARY_JSON));

    /** A file of the set: name, content type, and the file written before summary.json. */
    public record File(String name, String contentType) {
        public String bytesMeta() {
            return name.replace('.', '-') + "-bytes";
        }

        public String versionMeta() {
            return name.replace('.', '-') + "-version";
        }
    }

    // "UTF-8" in capitals: S3Proxy's Jetty rewrites a lower-case charset, which breaks the signature of the PUT
    public static final File JSON = new File(SUMMARY_JSON, "application/json; charset=UTF-8");
    public static final File CSV = new File(SUMMARY_CSV, "text/csv; charset=UTF-8");
    public static final File HTML = new File(REPORT_HTML, "text/html; charset=UTF-8");

    /** Written in this order; the first ones are announced by the last. */
    public static final List<File> COMPANIONS = List.of(CSV, HTML);

    /** In the order the files are listed to staff. */
    public static final List<File> ALL = List.of(JSON, CSV, HTML);

    private ReportFiles() {
    }

    public static String folder(LocalDate date) {
        return PREFIX + date + "/";
    }

    public static String key(LocalDate date, File file) {
        return folder(date) + file.name();
    }

    /** The date of a {@code reports/daily/{date}/summary.json} key. */
    public static Optional<LocalDate> summaryDate(String key) {
        Matcher m = SUMMARY_KEY.matcher(key);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(m.group(1)));
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
