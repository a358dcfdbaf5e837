package cn.lanzhou.epidemic.common.aws.dynamodb;

import cn.lanzhou.epidemic.common.json.PlainJson;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DynamoDB's JSON wire form of attribute values as {@link PlainJson} values (binary types are not
 * used by this system): {@code {"S": "..."}}, {@code {"N": "1.50"}}, {@code {"M": {...}}} ...
 */
final class DynamoJson {
    private DynamoJson() {
    }

    static Map<String, Object> item(Map<String, AttributeValue> item) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            out.put(e.getKey(), value(e.getValue()));
        }
        return out;
    }

    static Map<String, Object> value(AttributeValue v) {
        Map<String, Object> out = new LinkedHashMap<>(2);
        switch (v.type()) {
            case S -> out.put("S", v.s());
            case N -> out.put("N", v.n());
            case BOOL -> out.put("BOOL", v.bool());
            case NUL -> out.put("NULL", Boolean.TRUE);
            case M -> out.put("M", item(v.m()));
            case L -> {
                List<Object> list = new ArrayList<>(v.l().size());
                for (AttributeValue element : v.l()) {
                    list.add(value(element));
                }
                out.put("L", list);
            }
            case SS -> out.put("SS", new ArrayList<Object>(v.ss()));
            case NS -> out.put("NS", new ArrayList<Object>(v.ns()));
        }
        return out;
    }

    static Map<String, AttributeValue> toItem(Object json) {
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : PlainJson.object(json).entrySet()) {
            out.put(e.getKey(), toValue(e.getValue()));
        }
        return out;
    }

    static List<Map<String, AttributeValue>> toItems(Object array) {
        List<Object> items = PlainJson.array(array);
        List<Map<String, AttributeValue>> out = new ArrayList<>(items.size());
        for (Object item : items) {
            out.add(toItem(item));
        }
        return out;
    }

    static AttributeValue toValue(Object json) {
        Map<String, Object> typed = PlainJson.object(json);
        if (typed.size() != 1) {
            throw new IllegalArgumentException("an attribute value has exactly one type");
        }
        Map.Entry<String, Object> e = typed.entrySet().iterator().next();
        Object v = e.getValue();
        return switch (e.getKey()) {
            case "S" -> AttributeValue.fromS(text(v));
            case "N" -> AttributeValue.fromN(text(v));
            case "BOOL" -> AttributeValue.fromBool(Boolean.TRUE.equals(v));
            case "NULL" -> AttributeValue.fromNul(true);
            case "M" -> AttributeValue.fromM(toItem(v));
            case "L" -> {
                List<AttributeValue> list = new ArrayList<>();
                for (Object element : PlainJson.array(v)) {
                    list.add(toValue(element));
                }
                yield AttributeValue.fromL(list);
            }
            case "SS" -> AttributeValue.fromSs(strings(v));
            case "NS" -> AttributeValue.fromNs(strings(v));
            default -> throw new IllegalArgumentException("attribute type " + e.getKey() + " is not used by this system");
        };
    }

    /** A string member; a number where DynamoDB sends a string is taken as its text. */
    static String text(Object v) {
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return v == null ? null : v.toString();
    }

    private static List<String> strings(Object array) {
        List<String> out = new ArrayList<>();
        for (Object x : PlainJson.array(array)) {
            out.add(text(x));
        }
        return out;
    }
}
