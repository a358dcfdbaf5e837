package cn.lanzhou.epidemic.local.hardening;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Values built from a (resolved) JSON schema: the required members and a random choice of the others,
 * enums and consts as listed, strings and numbers within their bounds. Valid by the schema, not always by
 * the rules the schema cannot say (check characters, cross-field rules): the fuzzer mutates them anyway.
 */
final class SchemaValues {
    private static final JsonNodeFactory N = JsonNodeFactory.withExactBigDecimals(true);
    private static final String LETTERS = "abcdefghijkmnpqrstuvwxyz0123456789城关七里河区口罩";

    private SchemaValues() {
    }

    static JsonNode valid(JsonNode schema, Random random) {
        return value(schema, random, 0);
    }

    private static JsonNode value(JsonNode schema, Random random, int depth) {
        if (schema.has("const")) {
            return schema.get("const");
        }
        if (schema.has("enum")) {
            JsonNode choices = schema.get("enum");
            return choices.get(random.nextInt(choices.size()));
        }
        for (String alternatives : List.of("oneOf", "anyOf")) {
            if (schema.has(alternatives)) {
                JsonNode choices = schema.get(alternatives);
                return value(choices.get(random.nextInt(choices.size())), random, depth + 1);
            }
        }
        if (schema.has("examples") && schema.get("examples").size() > 0 && random.nextBoolean()) {
            JsonNode examples = schema.get("examples");
            return examples.get(random.nextInt(examples.size()));
        }
        String type = type(schema, random);
        return switch (type) {
            case "object" -> object(schema, random, depth);
            case "array" -> array(schema, random, depth);
            case "integer" -> N.numberNode(integer(schema, random));
            case "number" -> N.numberNode(BigDecimal.valueOf(integer(schema, random)).add(BigDecimal.valueOf(random.nextInt(10), 1))
                    .min(bound(schema, "maximum", BigDecimal.valueOf(1000))));
            case "boolean" -> N.booleanNode(random.nextBoolean());
            case "null" -> N.nullNode();
            default -> N.textNode(string(schema, random));
        };
    }

    private static String type(JsonNode schema, Random random) {
        JsonNode type = schema.get("type");
        if (type == null) {
            return schema.has("properties") ? "object" : schema.has("items") ? "array" : "string";
        }
        if (type.isArray()) {
            List<String> types = new ArrayList<>();
            type.forEach(t -> types.add(t.asText()));
            return types.get(random.nextInt(types.size()));
        }
        return type.asText();
    }

    private static ObjectNode object(JsonNode schema, Random random, int depth) {
        ObjectNode object = N.objectNode();
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        schema.path("properties").fields().forEachRemaining(property -> {
            if (depth < 8 && (required.contains(property.getKey()) || random.nextInt(3) == 0)) {
                object.set(property.getKey(), value(property.getValue(), random, depth + 1));
            }
        });
        return object;
    }

    private static ArrayNode array(JsonNode schema, Random random, int depth) {
        ArrayNode array = N.arrayNode();
        int min = schema.path("minItems").asInt(0);
        int max = Math.min(schema.path("maxItems").asInt(3), min + 3);
        int size = min + random.nextInt(Math.max(1, max - min + 1));
        for (int i = 0; i < size && depth < 8; i++) {
            JsonNode item = value(schema.path("items"), random, depth + 1);
            if (!schema.path("uniqueItems").asBoolean(false) || !array.toString().contains(item.toString())) {
                array.add(item);
            }
        }
        return array;
    }

    private static long integer(JsonNode schema, Random random) {
        long min = bound(schema, "minimum", BigDecimal.ZERO).longValue();
        long max = bound(schema, "maximum", BigDecimal.valueOf(min + 100)).longValue();
        return min + (long) (random.nextDouble() * Math.max(0, Math.min(max - min, 1_000_000)));
    }

    private static BigDecimal bound(JsonNode schema, String name, BigDecimal otherwise) {
        return schema.has(name) ? schema.get(name).decimalValue() : otherwise;
    }

    private static String string(JsonNode schema, Random random) {
        String format = schema.path("format").asText("");
        if (format.equals("date")) {
            return Samples.today().minusDays(random.nextInt(5)).toString();
        }
        if (format.equals("date-time")) {
            return Samples.today().atStartOfDay(Samples.ZONE).plusHours(random.nextInt(12)).toOffsetDateTime().toString();
        }
        int min = schema.path("minLength").asInt(1);
        int max = Math.min(schema.path("maxLength").asInt(12), min + 12);
        int length = min + random.nextInt(Math.max(1, max - min + 1));
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        return text.toString();
    }
}
