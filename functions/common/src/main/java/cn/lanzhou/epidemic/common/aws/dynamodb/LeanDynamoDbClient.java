package cn.lanzhou.epidemic.common.aws.dynamodb;

import cn.lanzhou.epidemic.common.aws.Backoff;
import cn.lanzhou.epidemic.common.aws.SigV4;
import cn.lanzhou.epidemic.common.json.Json;
import cn.lanzhou.epidemic.common.store.RequestBudget;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A DynamoDB client for the item operations the functions use, speaking DynamoDB's JSON protocol
 * over {@link HttpURLConnection} with our own SigV4 signature. Its request and response types are
 * plain records shaped like the SDK's, so the stores read as they would with the SDK; what it leaves
 * out is the SDK itself — its client runtime (interceptors, endpoint rules, auth-scheme resolution,
 * metrics) and its model classes (builders, marshalling traits, a lambda per field), which were
 * most of what a cold start loaded.
 * Retries throttling, 5xx and I/O errors with jittered backoff inside a total call deadline, like
 * the SDK's standard retry mode. There is no Scan: a function reads by key or Query, never by
 * scanning the table.
 */
public final class LeanDynamoDbClient implements DynamoDb {
    private static final String TARGET_PREFIX = "DynamoDB_20120810.";
    private static final String CONTENT_TYPE = "application/x-amz-json-1.0";
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private final URI endpoint;
    private final String region;
    private final Supplier<SigV4.Credentials> credentials;
    private final int maxAttempts;
    private final Duration callTimeout;
    private final Duration attemptTimeout;

    public LeanDynamoDbClient(URI endpoint, String region, Supplier<SigV4.Credentials> credentials,
            int maxAttempts, Duration callTimeout, Duration attemptTimeout) {
        this.endpoint = endpoint;
        this.region = region;
        this.credentials = credentials;
        this.maxAttempts = maxAttempts;
        this.callTimeout = callTimeout;
        this.attemptTimeout = attemptTimeout;
    }

    // ---------------------------------------------------------------- operations

    @Override
    public PutItemResponse putItem(PutItemRequest r) {
        ObjectNode body = NODES.objectNode();
        body.put("TableName", r.tableName());
        body.set("Item", DynamoJson.item(r.item()));
        condition(body, r.conditionExpression(), r.expressionAttributeNames(),
                r.expressionAttributeValues());
        putIf(body, "ReturnValues", r.returnValues() == null ? null : r.returnValues().name());
        JsonNode out = call("PutItem", body);
        var b = PutItemResponse.builder();
        if (out.has("Attributes")) {
            b.attributes(DynamoJson.toItem(out.get("Attributes")));
        }
        return b.build();
    }

    @Override
    public GetItemResponse getItem(GetItemRequest r) {
        ObjectNode body = NODES.objectNode();
        body.put("TableName", r.tableName());
        body.set("Key", DynamoJson.item(r.key()));
        if (r.consistentRead() != null) {
            body.put("ConsistentRead", r.consistentRead());
        }
        putIf(body, "ProjectionExpression", r.projectionExpression());
        names(body, r.expressionAttributeNames());
        JsonNode out = call("GetItem", body);
        var b = GetItemResponse.builder();
        if (out.has("Item")) {
            b.item(DynamoJson.toItem(out.get("Item")));
        }
        return b.build();
    }

    @Override
    public UpdateItemResponse updateItem(UpdateItemRequest r) {
        ObjectNode body = NODES.objectNode();
        body.put("TableName", r.tableName());
        body.set("Key", DynamoJson.item(r.key()));
        putIf(body, "UpdateExpression", r.updateExpression());
        condition(body, r.conditionExpression(), r.expressionAttributeNames(),
                r.expressionAttributeValues());
        putIf(body, "ReturnValues", r.returnValues() == null ? null : r.returnValues().name());
        JsonNode out = call("UpdateItem", body);
        var b = UpdateItemResponse.builder();
        if (out.has("Attributes")) {
            b.attributes(DynamoJson.toItem(out.get("Attributes")));
        }
        return b.build();
    }

    @Override
    public DeleteItemResponse deleteItem(DeleteItemRequest r) {
        ObjectNode body = NODES.objectNode();
        body.put("TableName", r.tableName());
        body.set("Key", DynamoJson.item(r.key()));
        condition(body, r.conditionExpression(), r.expressionAttributeNames(),
                r.expressionAttributeValues());
        putIf(body, "ReturnValues", r.returnValues() == null ? null : r.returnValues().name());
        JsonNode out = call("DeleteItem", body);
        var b = DeleteItemResponse.builder();
        if (out.has("Attributes")) {
            b.attributes(DynamoJson.toItem(out.get("Attributes")));
        }
        return b.build();
    }

    @Override
    public QueryResponse query(QueryRequest r) {
        ObjectNode body = NODES.objectNode();
        body.put("TableName", r.tableName());
        putIf(body, "IndexName", r.indexName());
        putIf(body, "KeyConditionExpression", r.keyConditionExpression());
        putIf(body, "FilterExpression", r.filterExpression());
        putIf(body, "ProjectionExpression", r.projectionExpression());
        condition(body, null, r.expressionAttributeNames(),
                r.expressionAttributeValues());
        if (r.hasExclusiveStartKey()) {
            body.set("ExclusiveStartKey", DynamoJson.item(r.exclusiveStartKey()));
        }
        if (r.limit() != null) {
            body.put("Limit", r.limit());
        }
        if (r.scanIndexForward() != null) {
            body.put("ScanIndexForward", r.scanIndexForward());
        }
        if (r.consistentRead() != null) {
            body.put("ConsistentRead", r.consistentRead());
        }
        JsonNode out = call("Query", body);
        var b = QueryResponse.builder()
                .count(out.path("Count").asInt())
                .items(out.has("Items") ? DynamoJson.toItems(out.get("Items")) : List.of());
        if (out.has("LastEvaluatedKey")) {
            b.lastEvaluatedKey(DynamoJson.toItem(out.get("LastEvaluatedKey")));
        }
        return b.build();
    }

    @Override
    public BatchGetItemResponse batchGetItem(BatchGetItemRequest r) {
        ObjectNode body = NODES.objectNode();
        ObjectNode items = body.putObject("RequestItems");
        r.requestItems().forEach((table, ka) -> items.set(table, keysAndAttributes(ka)));
        JsonNode out = call("BatchGetItem", body);
        Map<String, List<Map<String, AttributeValue>>> responses = new LinkedHashMap<>();
        out.path("Responses").fields().forEachRemaining(e -> responses.put(e.getKey(), DynamoJson.toItems(e.getValue())));
        Map<String, KeysAndAttributes> unprocessed = new LinkedHashMap<>();
        out.path("UnprocessedKeys").fields().forEachRemaining(e -> {
            List<Map<String, AttributeValue>> keys = DynamoJson.toItems(e.getValue().path("Keys"));
            var ka = KeysAndAttributes.builder().keys(keys);
            if (e.getValue().has("ConsistentRead")) {
                ka.consistentRead(e.getValue().get("ConsistentRead").asBoolean());
            }
            if (e.getValue().has("ProjectionExpression")) {
                ka.projectionExpression(e.getValue().get("ProjectionExpression").asText());
            }
            unprocessed.put(e.getKey(), ka.build());
        });
        return BatchGetItemResponse.builder().responses(responses).unprocessedKeys(unprocessed).build();
    }

    private ObjectNode keysAndAttributes(KeysAndAttributes ka) {
        ObjectNode node = NODES.objectNode();
        ArrayNode keys = node.putArray("Keys");
        ka.keys().forEach(k -> keys.add(DynamoJson.item(k)));
        if (ka.consistentRead() != null) {
            node.put("ConsistentRead", ka.consistentRead());
        }
        putIf(node, "ProjectionExpression", ka.projectionExpression());
        names(node, ka.expressionAttributeNames());
        return node;
    }

    @Override
    public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest r) {
        ObjectNode body = NODES.objectNode();
        ObjectNode items = body.putObject("RequestItems");
        r.requestItems().forEach((table, writes) -> {
            ArrayNode list = items.putArray(table);
            for (WriteRequest w : writes) {
                ObjectNode entry = list.addObject();
                if (w.putRequest() != null) {
                    entry.putObject("PutRequest").set("Item", DynamoJson.item(w.putRequest().item()));
                } else {
                    entry.putObject("DeleteRequest").set("Key", DynamoJson.item(w.deleteRequest().key()));
                }
            }
        });
        JsonNode out = call("BatchWriteItem", body);
        Map<String, List<WriteRequest>> unprocessed = new LinkedHashMap<>();
        out.path("UnprocessedItems").fields().forEachRemaining(e -> {
            List<WriteRequest> writes = new ArrayList<>();
            for (JsonNode w : e.getValue()) {
                if (w.has("PutRequest")) {
                    writes.add(WriteRequest.builder().putRequest(PutRequest.builder()
                            .item(DynamoJson.toItem(w.get("PutRequest").get("Item"))).build()).build());
                } else {
                    writes.add(WriteRequest.builder().deleteRequest(DeleteRequest.builder()
                            .key(DynamoJson.toItem(w.get("DeleteRequest").get("Key"))).build()).build());
                }
            }
            unprocessed.put(e.getKey(), writes);
        });
        return BatchWriteItemResponse.builder().unprocessedItems(unprocessed).build();
    }

    // ---------------------------------------------------------------- request parts

    private static void putIf(ObjectNode body, String name, String value) {
        if (value != null && !value.isEmpty()) {
            body.put(name, value);
        }
    }

    private static void names(ObjectNode body, Map<String, String> names) {
        if (names != null && !names.isEmpty()) {
            ObjectNode n = body.putObject("ExpressionAttributeNames");
            names.forEach(n::put);
        }
    }

    private static void condition(ObjectNode body, String expression, Map<String, String> names,
            Map<String, AttributeValue> values) {
        putIf(body, "ConditionExpression", expression);
        names(body, names);
        if (values != null && !values.isEmpty()) {
            body.set("ExpressionAttributeValues", DynamoJson.item(values));
        }
    }

    // ---------------------------------------------------------------- the wire

    private JsonNode call(String operation, ObjectNode body) {
        byte[] payload = Json.writeBytes(body);
        long deadline = RequestBudget.bound(System.nanoTime() + callTimeout.toNanos());
        DynamoDbException last = null;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            try {
                return send(operation, payload, deadline);
            } catch (DynamoDbException e) {
                if (!e.isTransient()) {
                    throw e;
                }
                last = e;
            }
            if (attempt < maxAttempts && !Backoff.sleep(attempt, deadline)) {
                break;
            }
        }
        if (System.nanoTime() >= deadline) {
            throw new DynamoDbException(0, "Timeout", "DynamoDB call did not complete within " + callTimeout, last);
        }
        throw last;
    }

    private JsonNode send(String operation, byte[] payload, long deadline) {
        long remainingMs = (deadline - System.nanoTime()) / 1_000_000;
        if (remainingMs <= 0) {
            throw new DynamoDbException(0, "Timeout", "no time left for another attempt", null);
        }
        HttpURLConnection connection = null;
        try {
            URL url = endpoint.resolve("/").toURL();
            connection = (HttpURLConnection) url.openConnection();
            int timeout = (int) Math.min(attemptTimeout.toMillis(), remainingMs);
            connection.setConnectTimeout(Math.min(timeout, 2000));
            connection.setReadTimeout(timeout);
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            connection.setFixedLengthStreamingMode(payload.length);
            String host = url.getPort() == -1 ? url.getHost() : url.getHost() + ":" + url.getPort();
            Map<String, String> signedHeaders = new LinkedHashMap<>();
            signedHeaders.put("host", host);
            signedHeaders.put("content-type", CONTENT_TYPE);
            signedHeaders.put("x-amz-target", TARGET_PREFIX + operation);
            connection.setRequestProperty("Content-Type", CONTENT_TYPE);
            connection.setRequestProperty("X-Amz-Target", TARGET_PREFIX + operation);
            connection.setRequestProperty("User-Agent", "epidemic-lean-dynamodb/1.0");
            SigV4.sign("dynamodb", region, credentials.get(), Instant.now(), "/", signedHeaders, payload)
                    .forEach(connection::setRequestProperty);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(payload);
            }
            int status = connection.getResponseCode();
            InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            byte[] response = in == null ? new byte[0] : readAll(in);
            JsonNode json = response.length == 0 ? NODES.objectNode() : Json.parse(response);
            if (status >= 300) {
                throw error(status, json, connection.getHeaderField("x-amzn-RequestId"));
            }
            return json;
        } catch (IOException e) {
            if (connection != null) {
                connection.disconnect();
            }
            throw new DynamoDbException(0, "IOError", "DynamoDB request failed: " + e.getClass().getSimpleName(), e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    private static DynamoDbException error(int status, JsonNode json, String requestId) {
        String type = json.path("__type").asText("");
        String code = type.substring(type.indexOf('#') + 1);
        String message = code + ": " + (json.has("message") ? json.get("message").asText() : json.path("Message").asText(""))
                + (requestId == null ? "" : " (request " + requestId + ")");
        return code.equals("ConditionalCheckFailedException")
                ? new ConditionalCheckFailedException(status, message)
                : new DynamoDbException(status, code, message, null);
    }
}
