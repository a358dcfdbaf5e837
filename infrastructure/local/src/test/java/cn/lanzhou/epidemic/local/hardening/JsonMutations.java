package cn.lanzhou.epidemic.local.hardening;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** One random change to a valid body, somewhere in it: a member dropped, nulled, of the wrong type, out of bounds, unknown, hostile. */
final class JsonMutations {
    private static final JsonNodeFactory N = JsonNodeFactory.withExactBigDecimals(true);

    private JsonMutations() {
    }

    static JsonNode mutate(JsonNode valid, Random random) {
        JsonNode copy = valid.deepCopy();
        if (!copy.isObject() || copy.isEmpty()) {
            return random.nextBoolean() ? replacement(random, copy) : N.objectNode().set("unknown", replacement(random, copy));
        }
        ObjectNode holder = (ObjectNode) copy;
        // walk down into a random nested object now and then
        while (true) {
            List<String> nested = new ArrayList<>();
            holder.fields().forEachRemaining(f -> {
                if (f.getValue().isObject() && !f.getValue().isEmpty()) {
                    nested.add(f.getKey());
                }
            });
            if (nested.isEmpty() || random.nextInt(3) > 0) {
                break;
            }
            holder = (ObjectNode) holder.get(nested.get(random.nextInt(nested.size())));
        }
        List<String> names = new ArrayList<>();
        holder.fieldNames().forEachRemaining(names::add);
        String name = names.get(random.nextInt(names.size()));
        switch (random.nextInt(5)) {
            case 0 -> holder.remove(name);
            case 1 -> holder.set(random.nextBoolean() ? "zzUnknown" : "x" + Samples.write(valid).substring(0, Math.min(80, Samples.write(valid).length())),
                    N.textNode("1"));
            default -> holder.set(name, replacement(random, holder.get(name)));
        }
        return copy;
    }

    private static JsonNode replacement(Random random, JsonNode old) {
        return switch (random.nextInt(18)) {
            case 0 -> N.nullNode();
            case 1 -> N.textNode("");
            case 2 -> N.textNode("x".repeat(200 + random.nextInt(2000)));
            case 3 -> N.textNode("y".repeat(70_000));
            case 4 -> N.numberNode(new BigDecimal("-1"));
            case 5 -> N.numberNode(new BigDecimal("1e400"));
            case 6 -> N.numberNode(new BigDecimal("0.001"));
            case 7 -> N.numberNode(new BigDecimal("99999999999999999999999999"));
            case 8 -> N.booleanNode(true);
            case 9 -> N.arrayNode().add(old).add(old);
            case 10 -> N.objectNode().set("nested", old);
            case 11 -> N.textNode("\u0000\u202E\uD83D\uDE00<script>alert(1)</script>");
            case 12 -> N.textNode("=cmd|' /C calc'!A0");
            case 13 -> deep(40);
            case 14 -> N.textNode(old.isTextual() ? old.asText().toLowerCase(java.util.Locale.ROOT) + " " : "1");
            case 15 -> N.textNode(old.isNumber() ? old.asText() : "12.345");
            case 16 -> N.textNode("2020-02-30");
            default -> N.arrayNode();
        };
    }

    private static JsonNode deep(int depth) {
        JsonNode node = N.objectNode();
        for (int i = 0; i < depth; i++) {
            ArrayNode array = N.arrayNode();
            array.add(node);
            node = array;
        }
        return node;
    }
}
