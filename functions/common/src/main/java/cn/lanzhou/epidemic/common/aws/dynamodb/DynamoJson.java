package cn.lanzhou.epidemic.common.aws.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** DynamoDB's JSON wire form of attribute values (binary types are not used by this system): {@code {"S": "..."}}, {@code {"N": "1.50"}}, {@code {"M": {...}}} ... */
final class DynamoJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private DynamoJson() {
    }

    static ObjectNode item(Map<String, AttributeValue> item) {
        ObjectNode out = NODES.objectNode();
        item.forEach((name, value) -> out.set(name, value(value)));
        return out;
    }

    static ObjectNode value(AttributeValue v) {
        ObjectNode out = NODES.objectNode();
        switch (v.type()) {
            case S -> out.put("S", v.s());
            case N -> out.put("N", v.n());
            case BOOL -> out.put("BOOL", v.bool());
            case NUL -> out.put("NULL", true);
            case M -> out.set("M", item(v.m()));
            case L -> {
                ArrayNode list = out.putArray("L");
                v.l().forEach(e -> list.add(value(e)));
            }
            case SS -> {
                ArrayNode list = out.putArray("SS");
                v.ss().forEach(list::add);
            }
            case NS -> {
                ArrayNode list = out.putArray("NS");
                v.ns().forEach(list::add);
            }
        }
        return out;
    }

    static Map<String, AttributeValue> toItem(JsonNode node) {
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            var e = it.next();
            out.put(e.getKey(), toValue(e.getValue()));
        }
        return out;
    }

    static List<Map<String, AttributeValue>> toItems(JsonNode array) {
        List<Map<String, AttributeValue>> out = new ArrayList<>();
        array.forEach(i -> out.add(toItem(i)));
        return out;
    }

    static AttributeValue toValue(JsonNode node) {
        var e = node.fields().next();
        JsonNode v = e.getValue();
        return switch (e.getKey()) {
            case "S" -> AttributeValue.fromS(v.asText());
            case "N" -> AttributeValue.fromN(v.asText());
            case "BOOL" -> AttributeValue.fromBool(v.asBoolean());
            case "NULL" -> AttributeValue.fromNul(true);
            case "M" -> AttributeValue.fromM(toItem(v));
            case "L" -> {
                List<AttributeValue> list = new ArrayList<>();
                v.forEach(x -> list.add(toValue(x)));
                yield AttributeValue.fromL(list);
            }
            case "SS" -> AttributeValue.fromSs(strings(v));
            case "NS" -> AttributeValue.fromNs(strings(v));
            default -> throw new IllegalArgumentException("attribute type " + e.getKey() + " is not used by this system");
        };
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(x -> out.add(x.asText()));
        return out;
    }
}
