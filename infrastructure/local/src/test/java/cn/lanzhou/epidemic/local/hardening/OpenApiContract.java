package cn.lanzhou.epidemic.local.hardening;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * openapi.yaml as the fuzzer reads it: the operations, their parameters and request schemas, and the
 * check of an answer against what the operation documents (status, content type, body schema).
 * Every {@code $ref} is inlined; OpenAPI 3.1 schemas are JSON Schema 2020-12.
 */
final class OpenApiContract {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    static final List<String> METHODS = List.of("get", "post", "put", "delete", "patch", "head", "options");

    private final JsonNode document;
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

    private OpenApiContract(JsonNode document) {
        this.document = document;
    }

    static OpenApiContract read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Object yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            return new OpenApiContract(MAPPER.valueToTree(yaml));
        }
    }

    /** One documented operation; {@code requestBodies} by media type, schemas resolved. */
    record Operation(String id, String method, String path, boolean staff, List<JsonNode> parameters,
            Map<String, JsonNode> requestBodies, JsonNode responses) {
        /** The documented answer for a status: its own entry, else {@code default}, else null. */
        JsonNode response(int status) {
            JsonNode own = responses.get(Integer.toString(status));
            return own != null ? own : responses.get("default");
        }

        List<JsonNode> parameters(String in) {
            return parameters.stream().filter(p -> p.path("in").asText().equals(in)).toList();
        }
    }

    List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : METHODS) {
                JsonNode operation = path.getValue().get(method);
                if (operation == null) {
                    continue;
                }
                JsonNode security = operation.has("security") ? operation.get("security") : document.path("security");
                List<JsonNode> parameters = new ArrayList<>();
                operation.path("parameters").forEach(p -> parameters.add(resolve(p)));
                Map<String, JsonNode> bodies = new java.util.LinkedHashMap<>();
                resolve(operation.path("requestBody")).path("content").fields()
                        .forEachRemaining(media -> bodies.put(media.getKey(), resolve(media.getValue().path("schema"))));
                operations.add(new Operation(operation.path("operationId").asText(), method.toUpperCase(Locale.ROOT), path.getKey(),
                        security.size() > 0, parameters, bodies, resolve(operation.path("responses"))));
            }
        }
        return operations;
    }

    /** A response object of components/responses, resolved. */
    JsonNode componentResponse(String name) {
        return resolve(document.at("/components/responses/" + name));
    }

    /**
     * Null when the answer is what {@code documented} (a resolved response object, or null when the status
     * is not documented) allows, else what is wrong.
     */
    String check(String cacheKey, JsonNode documented, RawHttp.Response response, boolean head) {
        if (documented == null) {
            return "status " + response.status() + " is not documented";
        }
        JsonNode content = documented.path("content");
        String contentType = response.header("Content-Type");
        if (content.isMissingNode() || content.isEmpty()) {
            return response.body().length == 0 ? null : "a body where none is documented";
        }
        if (contentType == null) {
            return head || response.body().length == 0 && response.status() == 204 ? null : "no Content-Type";
        }
        String media = contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        JsonNode described = content.get(media);
        if (described == null) {
            return "Content-Type " + contentType + " is not documented for " + response.status() + " (only " + names(content) + ")";
        }
        if (head) {
            return null;
        }
        JsonNode instance;
        if (media.contains("json")) {
            try {
                instance = MAPPER.readTree(response.body());
            } catch (IOException e) {
                return "a " + media + " body that is not JSON";
            }
        } else {
            instance = MAPPER.getNodeFactory().textNode(response.text());
        }
        Schema schema = compiled.computeIfAbsent(cacheKey + " " + response.status() + " " + media, key -> {
            ObjectNode root = described.path("schema").isObject() ? ((ObjectNode) described.get("schema")).deepCopy() : MAPPER.createObjectNode();
            root.put("$schema", SpecificationVersion.DRAFT_2020_12.getDialectId());
            return SCHEMAS.getSchema(SchemaLocation.of("urn:openapi:" + Integer.toHexString(key.hashCode())), root);
        });
        List<Error> errors = schema.validate(instance);
        return errors.isEmpty() ? null : "body does not match the documented schema: " + errors.stream().limit(3).map(Error::toString).toList();
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The node with every {@code $ref} (into this document) replaced by what it names. */
    JsonNode resolve(JsonNode node) {
        return resolve(node, 0);
    }

    private JsonNode resolve(JsonNode node, int depth) {
        if (depth > 200) {
            throw new IllegalStateException("$ref nesting deeper than 200: a recursive schema?");
        }
        if (node.isObject()) {
            if (node.has("$ref")) {
                String ref = node.get("$ref").asText();
                if (!ref.startsWith("#")) {
                    throw new IllegalStateException("only local $refs: " + ref);
                }
                JsonNode target = document.at(ref.substring(1).replace("%7B", "{").replace("%7D", "}"));
                if (target.isMissingNode()) {
                    throw new IllegalStateException("dangling $ref " + ref);
                }
                return resolve(target, depth + 1);
            }
            ObjectNode copy = MAPPER.createObjectNode();
            node.fields().forEachRemaining(field -> copy.set(field.getKey(), resolve(field.getValue(), depth + 1)));
            return copy;
        }
        if (node.isArray()) {
            com.fasterxml.jackson.databind.node.ArrayNode copy = MAPPER.createArrayNode();
            node.forEach(item -> copy.add(resolve(item, depth + 1)));
            return copy;
        }
        return node;
    }
}
