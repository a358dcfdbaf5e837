package cn.lanzhou.epidemic.common.aws.dynamodb;

import cn.lanzhou.epidemic.common.aws.Backoff;
import cn.lanzhou.epidemic.common.aws.SigV4;
import cn.lanzhou.epidemic.common.json.PlainJson;
import cn.lanzhou.epidemic.common.store.RequestBudget;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
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
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("TableName", r.tableName());
        body.put("Item", DynamoJson.item(r.item()));
        condition(body, r.conditionExpression(), r.expressionAttributeNames(),
                r.expressionAttributeValues());
        putIf(body, "ReturnValues", r.returnValues() == null ? null : r.returnValues().name());
        Map<String, Object> out = call("PutItem", body);
        var b = PutItemResponse.builder();
        if (out.containsKey("Attributes")) {
            b.attributes(DynamoJson.toItem(out.get("Attributes")));
        }
        return b.build();
    }

    @Override
    public GetItemResponse getItem(GetItemRequest r) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("TableName", r.tableName());
        body.put("Key", DynamoJson.item(r.key()));
        if (r.consistentRead() != null) {
            body.put("ConsistentRead", r.consistentRead());
        }
        putIf(body, "ProjectionExpression", r.projectionExpression());
        names(body, r.expressionAttributeNames());
        Map<String, Object> out = call("GetItem", body);
        var b = GetItemResponse.builder();
        if (out.containsKey("Item")) {
            b.item(DynamoJson.toItem(out.get("Item")));
        }
        return b.build();
    }

    @Override
    public UpdateItemResponse updateItem(UpdateItemRequest r) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("TableName", r.tableName());
        body.put("Key", DynamoJson.item(r.key()));
        putIf(body, "UpdateExpression", r.updateExpression());
        condition(body, r.conditionExpression(), r.expressionAttributeNames(),
                r.expressionAttributeValues());
        putIf(body, "ReturnValues", r.returnValues() == null ? null : r.returnValues().name());
        Map<String, Object> out = call("UpdateItem", body);
        var b = UpdateItemResponse.builder();
        if (out.containsKey("Attributes")) {
            b.attributes(DynamoJson.toItem(out.get("Attributes")));
        }
        return b.build();
    }

    @Override
    public DeleteItemResponse deleteItem(DeleteItemRequest r) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("TableName", r.tableName());
        body.put("Key", DynamoJson.item(r.key()));
        condition(body, r.conditionExpression(), r.expressionAttributeNames(),
                r.expressionAttributeValues());
        putIf(body, "ReturnValues", r.returnValues() == null ? null : r.returnValues().name());
        Map<String, Object> out = call("DeleteItem", body);
        var b = DeleteItemResponse.builder();
        if (out.containsKey("Attributes")) {
            b.attributes(DynamoJson.toItem(out.get("Attributes")));
        }
        return b.build();
    }

    @Override
    public QueryResponse query(QueryRequest r) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("TableName", r.tableName());
        putIf(body, "IndexName", r.indexName());
        putIf(body, "KeyConditionExpression", r.keyConditionExpression());
        putIf(body, "FilterExpression", r.filterExpression());
        putIf(body, "ProjectionExpression", r.projectionExpression());
        condition(body, null, r.expressionAttributeNames(),
                r.expressionAttributeValues());
        if (r.hasExclusiveStartKey()) {
            body.put("ExclusiveStartKey", DynamoJson.item(r.exclusiveStartKey()));
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
        Map<String, Object> out = call("Query", body);
        var b = QueryResponse.builder()
                .count(out.get("Count") instanceof BigDecimal count ? count.intValue() : 0)
                .items(out.containsKey("Items") ? DynamoJson.toItems(out.get("Items")) : List.of());
        if (out.containsKey("LastEvaluatedKey")) {
            b.lastEvaluatedKey(DynamoJson.toItem(out.get("LastEvaluatedKey")));
        }
        return b.build();
    }

    @Override
    public BatchGetItemResponse batchGetItem(BatchGetItemRequest r) {
        Map<String, Object> items = new LinkedHashMap<>();
        for (Map.Entry<String, KeysAndAttributes> e : r.requestItems().entrySet()) {
            items.put(e.getKey(), keysAndAttributes(e.getValue()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("RequestItems", items);
        Map<String, Object> out = call("BatchGetItem", body);
        Map<String, List<Map<String, AttributeValue>>> responses = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : member(out, "Responses").entrySet()) {
            responses.put(e.getKey(), DynamoJson.toItems(e.getValue()));
        }
        Map<String, KeysAndAttributes> unprocessed = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : member(out, "UnprocessedKeys").entrySet()) {
            Map<String, Object> left = PlainJson.object(e.getValue());
            var ka = KeysAndAttributes.builder().keys(DynamoJson.toItems(left.get("Keys")));
            if (left.containsKey("ConsistentRead")) {
                ka.consistentRead(Boolean.TRUE.equals(left.get("ConsistentRead")));
            }
            if (left.containsKey("ProjectionExpression")) {
                ka.projectionExpression(DynamoJson.text(left.get("ProjectionExpression")));
            }
            unprocessed.put(e.getKey(), ka.build());
        }
        return BatchGetItemResponse.builder().responses(responses).unprocessedKeys(unprocessed).build();
    }

    private Map<String, Object> keysAndAttributes(KeysAndAttributes ka) {
        Map<String, Object> node = new LinkedHashMap<>();
        List<Object> keys = new ArrayList<>();
        for (Map<String, AttributeValue> key : ka.keys()) {
            keys.add(DynamoJson.item(key));
        }
        node.put("Keys", keys);
        if (ka.consistentRead() != null) {
            node.put("ConsistentRead", ka.consistentRead());
        }
        putIf(node, "ProjectionExpression", ka.projectionExpression());
        names(node, ka.expressionAttributeNames());
        return node;
    }

    @Override
    public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest r) {
        Map<String, Object> items = new LinkedHashMap<>();
        for (Map.Entry<String, List<WriteRequest>> e : r.requestItems().entrySet()) {
            List<Object> list = new ArrayList<>();
            for (WriteRequest w : e.getValue()) {
                Map<String, Object> entry = new LinkedHashMap<>();
                if (w.putRequest() != null) {
                    entry.put("PutRequest", Map.of("Item", DynamoJson.item(w.putRequest().item())));
                } else {
                    entry.put("DeleteRequest", Map.of("Key", DynamoJson.item(w.deleteRequest().key())));
                }
                list.add(entry);
            }
            items.put(e.getKey(), list);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("RequestItems", items);
        Map<String, Object> out = call("BatchWriteItem", body);
        Map<String, List<WriteRequest>> unprocessed = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : member(out, "UnprocessedItems").entrySet()) {
            List<WriteRequest> writes = new ArrayList<>();
            for (Object left : PlainJson.array(e.getValue())) {
                Map<String, Object> w = PlainJson.object(left);
                if (w.containsKey("PutRequest")) {
                    writes.add(WriteRequest.builder().putRequest(PutRequest.builder()
                            .item(DynamoJson.toItem(PlainJson.object(w.get("PutRequest")).get("Item"))).build()).build());
                } else {
                    writes.add(WriteRequest.builder().deleteRequest(DeleteRequest.builder()
                            .key(DynamoJson.toItem(PlainJson.object(w.get("DeleteRequest")).get("Key"))).build()).build());
                }
            }
            unprocessed.put(e.getKey(), writes);
        }
        return BatchWriteItemResponse.builder().unprocessedItems(unprocessed).build();
    }

    /** An object member of a response, empty when it is absent. */
    private static Map<String, Object> member(Map<String, Object> response, String name) {
        Object value = response.get(name);
        return value == null ? Map.of() : PlainJson.object(value);
    }

    // ---------------------------------------------------------------- request parts

    private static void putIf(Map<String, Object> body, String name, String value) {
        if (value != null && !value.isEmpty()) {
            body.put(name, value);
        }
    }

    private static void names(Map<String, Object> body, Map<String, String> names) {
        if (names != null && !names.isEmpty()) {
            body.put("ExpressionAttributeNames", new LinkedHashMap<String, Object>(names));
        }
    }

    private static void condition(Map<String, Object> body, String expression, Map<String, String> names,
            Map<String, AttributeValue> values) {
        putIf(body, "ConditionExpression", expression);
        names(body, names);
        if (values != null && !values.isEmpty()) {
            body.put("ExpressionAttributeValues", DynamoJson.item(values));
        }
    }

    // ---------------------------------------------------------------- the wire

    private Map<String, Object> call(String operation, Map<String, Object> body) {
        byte[] payload = PlainJson.writeBytes(body);
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

    private Map<String, Object> send(String operation, byte[] payload, long deadline) {
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
            Map<String, Object> json = response.length == 0 ? Map.of() : json(response, status);
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

    /** A response body; one that is not a JSON object is an error of the service (retried as a 5xx is). */
    private static Map<String, Object> json(byte[] response, int status) {
        try {
            return PlainJson.object(PlainJson.parse(response));
        } catch (IllegalArgumentException e) {
            throw new DynamoDbException(status >= 400 ? status : 502, "MalformedResponse",
                    "DynamoDB answered something that is not a JSON object", e);
        }
    }

    private static DynamoDbException error(int status, Map<String, Object> json, String requestId) {
        String type = json.get("__type") instanceof String t ? t : "";
        String code = type.substring(type.indexOf('#') + 1);
        Object text = json.containsKey("message") ? json.get("message") : json.get("Message");
        String message = code + ": " + (text == null ? "" : DynamoJson.text(text))
                + (requestId == null ? "" : " (request " + requestId + ")");
        return code.equals("ConditionalCheckFailedException")
                ? new ConditionalCheckFailedException(status, message)
                : new DynamoDbException(status, code, message, null);
    }
}
