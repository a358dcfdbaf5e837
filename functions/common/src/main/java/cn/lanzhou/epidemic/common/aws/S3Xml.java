package cn.lanzhou.epidemic.common.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The few values {@link LeanS3Client} reads from S3's XML answers ({@code <Key>},
 * {@code <IsTruncated>}, {@code <NextContinuationToken>}, an error's {@code <Code>}), found by a
 * scan for the element's tags. S3 writes these as plain text elements without attributes, CDATA or
 * nesting of the same name, so a scanner is enough — and a JAXP parser would load hundreds of
 * classes at cold start.
 */
final class S3Xml {
    private S3Xml() {
    }

    /** The text of every {@code <name>} element, decoded, in document order. */
    static List<String> all(String xml, String name) {
        String open = "<" + name + ">";
        String close = "</" + name + ">";
        List<String> values = new ArrayList<>();
        int from = 0;
        while (true) {
            int start = xml.indexOf(open, from);
            if (start < 0) {
                return values;
            }
            int end = xml.indexOf(close, start + open.length());
            if (end < 0) {
                throw new IllegalStateException("S3 answered XML with an unclosed <" + name + ">");
            }
            values.add(decode(xml.substring(start + open.length(), end)));
            from = end + close.length();
        }
    }

    /** The text of the first {@code <name>} element, decoded. */
    static Optional<String> first(String xml, String name) {
        List<String> values = all(xml, name);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** Replaces the five predefined entities and numeric character references. */
    static String decode(String text) {
        int amp = text.indexOf('&');
        if (amp < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int from = 0;
        while (amp >= 0) {
            int semicolon = text.indexOf(';', amp);
            if (semicolon < 0) {
                throw new IllegalStateException("S3 answered XML with an unterminated entity");
            }
            out.append(text, from, amp);
            String entity = text.substring(amp + 1, semicolon);
            switch (entity) {
                case "amp" -> out.append('&');
                case "lt" -> out.append('<');
                case "gt" -> out.append('>');
                case "quot" -> out.append('"');
                case "apos" -> out.append('\'');
                default -> out.appendCodePoint(codePoint(entity));
            }
            from = semicolon + 1;
            amp = text.indexOf('&', from);
        }
        return out.append(text, from, text.length()).toString();
    }

    private static int codePoint(String entity) {
        try {
            if (entity.startsWith("#x") || entity.startsWith("#X")) {
                return checked(Integer.parseInt(entity.substring(2), 16));
            }
            if (entity.startsWith("#")) {
                return checked(Integer.parseInt(entity.substring(1)));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalStateException("S3 answered XML with an unknown entity");
    }

    private static int checked(int codePoint) {
        if (!Character.isValidCodePoint(codePoint)) {
            throw new IllegalStateException("S3 answered XML with an invalid character reference");
        }
        return codePoint;
    }
}
