package cn.lanzhou.epidemic.common.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads one request object, recording every bad field to answer all at once; a JSON {@code null} is refused, as openapi.yaml allows none. */
public final class Fields {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d+(\\.\\d+)?([eE][+-]?\\d{1,3})?");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,18}");
    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,39}");
    private static final Pattern FOUR_DIGITS = Pattern.compile("\\d{4}");

    private final JsonNode node;
    private final String prefix;
    private final boolean form;
    private final Errors errors;
    private final Set<String> read = new HashSet<>();
    private final List<Fields> children = new ArrayList<>();

    private Fields(JsonNode node, String prefix, boolean form, Errors errors) {
        this.node = node;
        this.prefix = prefix;
        this.form = form;
        this.errors = errors;
    }

    /** The request body's top-level object; a body that is not an object is one error on the field "". */
    public static Fields root(JsonNode node, boolean form, Errors errors) {
        return new Fields(node, "", form, errors);
    }

    public Errors errors() {
        return errors;
    }

    /** The dotted path of a field of this object, as error entries name it. */
    public String path(String name) {
        return prefix + name;
    }

    public void error(String name, String code, String message) {
        errors.add(path(name), code, message);
    }

    public boolean hasError(String name) {
        return errors.has(path(name));
    }

    /** Whether the field was given at all (and so, for optional fields, must be valid). */
    public boolean present(String name) {
        return value(name) != null;
    }

    private JsonNode value(String name) {
        read.add(name);
        JsonNode v = node.get(name);
        if (v != null && v.isNull()) {
            error(name, "type", Messages.NULL);
            return null;
        }
        if (v == null || form && blank(v)) {
            return null;
        }
        return v;
    }

    /** In a form, an empty input is "not given", and so is an all-empty group (the unused item rows of a form posted without JavaScript). */
    private static boolean blank(JsonNode v) {
        if (v.isTextual()) {
            return v.asText().isEmpty();
        }
        if (v.isContainerNode()) {
            for (JsonNode child : v) {
                if (!blank(child)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private String required(String name) {
        error(name, "required", Messages.REQUIRED);
        return null;
    }

    public Optional<String> string(String name, int min, int max) {
        JsonNode v = value(name);
        if (v == null) {
            return Optional.empty();
        }
        if (!v.isTextual()) {
            error(name, "type", Messages.NOT_TEXT);
            return Optional.empty();
        }
        String s = v.asText().strip();
        if (hasControlCharacters(s)) {
            error(name, "characters", Messages.CONTROL_CHARACTERS);
            return Optional.empty();
        }
        if (hasUnpairedSurrogate(s)) {
            error(name, "characters", Messages.INVALID_CHARACTERS);
            return Optional.empty();
        }
        int length = s.codePointCount(0, s.length());
        if (length < min || length > max) {
            error(name, "length", Messages.length(min, max));
            return Optional.empty();
        }
        return Optional.of(s);
    }

    public String requiredString(String name, int min, int max) {
        if (!present(name)) {
            return required(name);
        }
        return string(name, min, max).orElse(null);
    }

    static boolean hasControlCharacters(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                return true;
            }
        }
        return false;
    }

    /** A lone UTF-16 surrogate (a JSON {@code \\uD800} escape) is no character and would not survive storage. */
    static boolean hasUnpairedSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    public Optional<Boolean> bool(String name) {
        JsonNode v = value(name);
        if (v == null) {
            return Optional.empty();
        }
        if (v.isBoolean()) {
            return Optional.of(v.booleanValue());
        }
        if (form && v.isTextual()) {
            switch (v.asText().toLowerCase(Locale.ROOT)) {
                case "true", "on", "1":
                    return Optional.of(true);
                case "false", "off", "0":
                    return Optional.of(false);
                default:
                    break;
            }
        }
        error(name, "type", Messages.NOT_BOOLEAN);
        return Optional.empty();
    }

    public Optional<Long> integer(String name, long min, long max) {
        JsonNode v = value(name);
        if (v == null) {
            return Optional.empty();
        }
        BigDecimal number = null;
        if (v.isNumber()) {
            number = v.decimalValue();
        } else if (form && v.isTextual() && INTEGER.matcher(v.asText().strip()).matches()) {
            number = new BigDecimal(v.asText().strip());
        }
        if (number == null || number.signum() != 0 && number.stripTrailingZeros().scale() > 0) {
            error(name, "type", Messages.NOT_INTEGER);
            return Optional.empty();
        }
        if (number.compareTo(BigDecimal.valueOf(min)) < 0 || number.compareTo(BigDecimal.valueOf(max)) > 0) {
            error(name, "range", Messages.range(min, max));
            return Optional.empty();
        }
        return Optional.of(number.longValueExact());
    }

    public Long requiredInteger(String name, long min, long max) {
        if (!present(name)) {
            required(name);
            return null;
        }
        return integer(name, min, max).orElse(null);
    }

    /** An exact decimal from a JSON number or string (as money may be sent), never through double. */
    public Optional<BigDecimal> decimal(String name) {
        JsonNode v = value(name);
        if (v == null) {
            return Optional.empty();
        }
        if (v.isNumber()) {
            return Optional.of(v.decimalValue());
        }
        if (v.isTextual() && DECIMAL.matcher(v.asText().strip()).matches()) {
            return Optional.of(new BigDecimal(v.asText().strip()));
        }
        error(name, "type", Messages.NOT_NUMBER);
        return Optional.empty();
    }

    public <E extends Enum<E>> Optional<E> enumValue(String name, Class<E> type) {
        JsonNode v = value(name);
        if (v == null) {
            return Optional.empty();
        }
        if (v.isTextual()) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(v.asText())) {
                    return Optional.of(constant);
                }
            }
        }
        error(name, "enum", Messages.oneOf(names(type)));
        return Optional.empty();
    }

    public <E extends Enum<E>> E requiredEnum(String name, Class<E> type) {
        if (!present(name)) {
            required(name);
            return null;
        }
        return enumValue(name, type).orElse(null);
    }

    /** A set of choices, in enum order; in a form one value is a list of one; a repeat is {@code duplicate} ({@code uniqueItems}). */
    public <E extends Enum<E>> Optional<Set<E>> enumSet(String name, Class<E> type) {
        Optional<List<JsonNode>> items = array(name, 0, type.getEnumConstants().length * 4);
        if (items.isEmpty()) {
            return Optional.empty();
        }
        Set<E> chosen = new LinkedHashSet<>();
        for (JsonNode item : items.get()) {
            E match = null;
            if (item.isTextual()) {
                for (E constant : type.getEnumConstants()) {
                    if (constant.name().equals(item.asText())) {
                        match = constant;
                    }
                }
            }
            if (match == null) {
                error(name, "enum", Messages.oneOf(names(type)));
                return Optional.empty();
            }
            if (!chosen.add(match)) {
                error(name, "duplicate", Messages.DUPLICATE);
                return Optional.empty();
            }
        }
        Set<E> ordered = new LinkedHashSet<>();
        for (E constant : type.getEnumConstants()) {
            if (chosen.contains(constant)) {
                ordered.add(constant);
            }
        }
        return Optional.of(ordered);
    }

    private static <E extends Enum<E>> List<String> names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
    }

    public Optional<Fields> object(String name) {
        JsonNode v = value(name);
        if (v == null) {
            return Optional.empty();
        }
        if (!v.isObject()) {
            error(name, "type", Messages.NOT_OBJECT);
            return Optional.empty();
        }
        Fields child = new Fields(v, path(name) + ".", form, errors);
        children.add(child);
        return Optional.of(child);
    }

    public Fields requiredObject(String name) {
        if (!present(name)) {
            required(name);
            return null;
        }
        return object(name).orElse(null);
    }

    /** A list of objects, each read with its own {@link Fields} ({@code items.0.}, {@code items.1.} ...). */
    public Optional<List<Fields>> objects(String name, int min, int max) {
        Optional<List<JsonNode>> items = array(name, min, max);
        if (items.isEmpty()) {
            return Optional.empty();
        }
        List<Fields> result = new ArrayList<>();
        for (int i = 0; i < items.get().size(); i++) {
            JsonNode item = items.get().get(i);
            if (!item.isObject()) {
                errors.add(path(name) + "." + i, "type", Messages.NOT_OBJECT);
                continue;
            }
            Fields child = new Fields(item, path(name) + "." + i + ".", form, errors);
            children.add(child);
            result.add(child);
        }
        return Optional.of(result);
    }

    /** A list of strings, each 1..maxLength characters; in a form, one value stands for a list of one. */
    public Optional<List<String>> strings(String name, int maxItems, int maxLength) {
        Optional<List<JsonNode>> items = array(name, 0, maxItems);
        if (items.isEmpty()) {
            return Optional.empty();
        }
        List<String> result = new ArrayList<>();
        for (int i = 0; i < items.get().size(); i++) {
            JsonNode item = items.get().get(i);
            String itemPath = path(name) + "." + i;
            if (!item.isTextual()) {
                errors.add(itemPath, "type", Messages.NOT_TEXT);
                continue;
            }
            String s = item.asText().strip();
            int length = s.codePointCount(0, s.length());
            if (hasControlCharacters(s)) {
                errors.add(itemPath, "characters", Messages.CONTROL_CHARACTERS);
            } else if (hasUnpairedSurrogate(s)) {
                errors.add(itemPath, "characters", Messages.INVALID_CHARACTERS);
            } else if (length < 1 || length > maxLength) {
                errors.add(itemPath, "length", Messages.length(1, maxLength));
            } else {
                result.add(s);
            }
        }
        return Optional.of(result);
    }

    private Optional<List<JsonNode>> array(String name, int min, int max) {
        JsonNode v = value(name);
        if (v == null) {
            return Optional.empty();
        }
        List<JsonNode> items = new ArrayList<>();
        if (v.isArray()) {
            v.forEach(item -> {
                if (!(form && item.isTextual() && item.asText().isEmpty())) {
                    items.add(item);
                }
            });
        } else if (form && !v.isObject()) {
            items.add(v);
        } else {
            error(name, "type", Messages.NOT_ARRAY);
            return Optional.empty();
        }
        if (items.size() < min || items.size() > max) {
            error(name, "items", Messages.items(min, max));
            return Optional.empty();
        }
        return Optional.of(items);
    }

    public Optional<LocalDate> date(String name) {
        Optional<String> text = string(name, 1, 40);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            if (text.get().length() != 10) {
                throw new DateTimeParseException("length", text.get(), 0);
            }
            return Optional.of(LocalDate.parse(text.get()));
        } catch (DateTimeParseException e) {
            error(name, "date", Messages.NOT_DATE);
            return Optional.empty();
        }
    }

    public LocalDate requiredDate(String name) {
        if (!present(name)) {
            required(name);
            return null;
        }
        return date(name).orElse(null);
    }

    public Optional<OffsetDateTime> dateTime(String name) {
        Optional<String> text = string(name, 1, 40);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text.get()));
        } catch (DateTimeParseException e) {
            error(name, "date-time", Messages.NOT_DATE_TIME);
            return Optional.empty();
        }
    }

    /** Reports unread fields; a name unlike a field name may be data (a phone number as a key), so the error names its object instead. */
    public void finish() {
        if (node.isObject()) {
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (read.contains(name)) {
                    continue;
                }
                if (FIELD_NAME.matcher(name).matches() && !FOUR_DIGITS.matcher(name).find()) {
                    errors.add(path(name), "unknown", Messages.UNKNOWN);
                } else {
                    errors.add(prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1), "unknown", Messages.UNKNOWN_UNNAMED);
                }
            }
        }
        children.forEach(Fields::finish);
    }

    /** {@link #finish()}, then throws the 400 problem if any field was bad. */
    public void finishAndThrow() {
        finish();
        errors.throwIfAny();
    }
}
