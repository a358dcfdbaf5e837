package cn.lanzhou.epidemic.local.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import cn.lanzhou.epidemic.common.store.Table;
import cn.lanzhou.epidemic.local.LocalStack;
import cn.lanzhou.epidemic.local.TemplateReader;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The one table schema ({@link Table}) is the only place an attribute name is spelt: every name is
 * declared once, no production class that builds DynamoDB items or requests writes one as a literal (in a map or in
 * an expression), and template.yaml keys the tables by the schema's names.
 */
class TableSchemaTest {
    private static final Path REPO = LocalStack.findRepoRoot(Path.of("").toAbsolutePath());
    /** Constants that are values of a key or names of an index, not attribute names. */
    /** A literal that reads as a DynamoDB expression rather than as words for people. */
    private static final Pattern EXPRESSION = Pattern.compile("attribute_\\w+\\(|\\bSET |\\bBETWEEN\\b| (=|<|<=|>|>=) |^#|, #");
    private static final Pattern NOT_AN_ATTRIBUTE = Pattern.compile(".*(_VALUE|_SK|_INDEX|PRIMING_PK)|GSI1");

    @Test
    void everyAttributeNameIsDeclaredOnce() throws IllegalAccessException {
        Map<String, List<String>> byName = new TreeMap<>();
        for (Map.Entry<String, String> constant : attributeNames().entrySet()) {
            byName.computeIfAbsent(constant.getValue(), k -> new ArrayList<>()).add(constant.getKey());
        }
        byName.values().removeIf(constants -> constants.size() == 1);
        assertEquals(Map.of(), byName, "attribute names declared more than once");
    }

    @Test
    void noDynamoDbCodeSpellsAnAttributeName() throws IOException, IllegalAccessException {
        List<String> names = List.copyOf(attributeNames().values());
        List<String> spelt = new ArrayList<>();
        try (Stream<Path> files = Files.walk(REPO.resolve("functions"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java") && f.toString().contains("/src/main/")
                    && !f.getFileName().toString().equals("Table.java")).toList()) {
                String source = Files.readString(file);
                if (!source.contains("software.amazon.awssdk.services.dynamodb.model.")) {
                    continue;
                }
                Matcher literal = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(source);
                while (literal.find()) {
                    String text = literal.group(1);
                    boolean expression = EXPRESSION.matcher(text).find();
                    for (String name : names) {
                        if (text.equals(name) || expression
                                && Pattern.compile("(?<![A-Za-z0-9#:])" + Pattern.quote(name) + "(?![A-Za-z0-9])").matcher(text).find()) {
                            spelt.add(REPO.relativize(file) + ": \"" + text + "\" spells " + name);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), spelt, "attribute names spelt outside common/store/Table");
    }

    @Test
    void theTemplateKeysTheTablesByTheSchemasNames() throws IOException {
        Map<String, Object> resources = map(TemplateReader.load(REPO.resolve("template.yaml")).get("Resources"));
        Map<String, Object> data = map(map(resources.get("DataTable")).get("Properties"));
        assertEquals(List.of(Table.PK, Table.SK), keyNames(data.get("KeySchema")));
        Map<String, Object> index = map(((List<?>) data.get("GlobalSecondaryIndexes")).getFirst());
        assertEquals(Table.GSI1, index.get("IndexName"));
        assertEquals(List.of(Table.GSI1PK, Table.GSI1SK), keyNames(index.get("KeySchema")));
        Map<String, Object> idempotency = map(map(resources.get("IdempotencyTable")).get("Properties"));
        assertEquals(List.of(Table.PK), keyNames(idempotency.get("KeySchema")));
        assertEquals(Table.IdempotencyItem.EXPIRES_AT, map(idempotency.get("TimeToLiveSpecification")).get("AttributeName"));
    }

    @Test
    void theSchemaNamesItsAttributes() throws IllegalAccessException {
        Map<String, String> names = attributeNames();
        assertFalse(names.isEmpty());
        assertEquals("district", names.get("DISTRICT"));
        assertFalse(names.containsKey("ApplicationItem.SK_VALUE"), "a key value is not an attribute name");
    }

    /** The attribute-name constants of {@link Table} and its item classes, by (qualified) constant name. */
    private static Map<String, String> attributeNames() throws IllegalAccessException {
        Map<String, String> names = new TreeMap<>();
        List<Class<?>> holders = new ArrayList<>(List.of(Table.class));
        holders.addAll(List.of(Table.class.getDeclaredClasses()));
        for (Class<?> holder : holders) {
            for (Field field : holder.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (Modifier.isStatic(modifiers) && Modifier.isPublic(modifiers) && field.getType() == String.class
                        && !NOT_AN_ATTRIBUTE.matcher(field.getName()).matches()) {
                    String prefix = holder == Table.class ? "" : holder.getSimpleName() + ".";
                    names.put(prefix + field.getName(), (String) field.get(null));
                }
            }
        }
        return names;
    }

    private static List<String> keyNames(Object keySchema) {
        return ((List<?>) keySchema).stream().map(key -> (String) map(key).get("AttributeName")).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
