package cn.lanzhou.epidemic.common.aws;

import cn.lanzhou.epidemic.common.json.Json;
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
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import cn.lanzhou.epidemic.common.store.RequestBudget;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * A DynamoDB client for the item operations the functions use, speaking DynamoDB's JSON protocol
 * over {@link HttpURLConnection} with our own SigV4 signature. It implements the SDK's
 * {@link DynamoDbClient} interface with the SDK's own request and response classes, so callers are
 * written against the SDK; what it leaves out is the SDK's client runtime (interceptors, endpoint
 * rules, auth-scheme resolution, metrics), which is most of the classes a cold start loads.
 * Retries throttling, 5xx and I/O errors with jittered backoff inside a total call deadline, like
 * the SDK's standard retry mode. Operations it does not implement throw {@link UnsupportedOperationException}
 * — Scan among them: a function reads by key or Query, never by scanning the table.
 */
public final class LeanDynamoDbClient implements DynamoDbClient {
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

    /** The regional endpoint, including the China partition's domain. */
    public static URI regionalEndpoint(String region) {
        String domain = region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
        return URI.create("https://dynamodb." + region + "." + domain);
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
        // HttpURLConnection keeps no resources of ours
    }

    // ---------------------------------------------------------------- operations

    @Override
    public PutItemResponse putItem(PutItemRequest r) {
        ObjectNode body = NODES.objectNode();
        body.put("TableName", r.tableName());
        body.set("Item", DynamoJson.item(r.item()));
        condition(body, r.conditionExpression(), r.hasExpressionAttributeNames() ? r.expressionAttributeNames() : null,
                r.hasExpressionAttributeValues() ? r.expressionAttributeValues() : null);
        putIf(body, "ReturnValues", r.returnValuesAsString());
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
        names(body, r.hasExpressionAttributeNames() ? r.expressionAttributeNames() : null);
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
        condition(body, r.conditionExpression(), r.hasExpressionAttributeNames() ? r.expressionAttributeNames() : null,
                r.hasExpressionAttributeValues() ? r.expressionAttributeValues() : null);
        putIf(body, "ReturnValues", r.returnValuesAsString());
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
        condition(body, r.conditionExpression(), r.hasExpressionAttributeNames() ? r.expressionAttributeNames() : null,
                r.hasExpressionAttributeValues() ? r.expressionAttributeValues() : null);
        putIf(body, "ReturnValues", r.returnValuesAsString());
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
        putIf(body, "Select", r.selectAsString());
        condition(body, null, r.hasExpressionAttributeNames() ? r.expressionAttributeNames() : null,
                r.hasExpressionAttributeValues() ? r.expressionAttributeValues() : null);
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
                .scannedCount(out.path("ScannedCount").asInt())
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
        names(node, ka.hasExpressionAttributeNames() ? ka.expressionAttributeNames() : null);
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
        RuntimeException last = null;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            try {
                return send(operation, payload, deadline);
            } catch (DynamoDbException e) {
                if (!retryable(e)) {
                    throw e;
                }
                last = e;
            } catch (SdkClientException e) {
                last = e;
            }
            if (attempt < maxAttempts && !backOff(attempt, deadline)) {
                break;
            }
        }
        if (System.nanoTime() >= deadline) {
            throw ApiCallTimeoutException.builder().message("DynamoDB call did not complete within " + callTimeout).cause(last).build();
        }
        throw last;
    }

    private static boolean retryable(DynamoDbException e) {
        return e.statusCode() >= 500 || e.isThrottlingException();
    }

    /** Sleeps with full jitter (base 50 ms, doubling, at most 1 s); false when the deadline would pass. */
    private static boolean backOff(int attempt, long deadline) {
        long ceiling = Math.min(1000, 50L << Math.min(attempt, 10));
        long sleep = ThreadLocalRandom.current().nextLong(ceiling + 1);
        if (System.nanoTime() + sleep * 1_000_000 >= deadline) {
            return false;
        }
        try {
            Thread.sleep(sleep);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private JsonNode send(String operation, byte[] payload, long deadline) {
        long remainingMs = (deadline - System.nanoTime()) / 1_000_000;
        if (remainingMs <= 0) {
            throw SdkClientException.create("no time left for another attempt");
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
            throw SdkClientException.create("DynamoDB request failed: " + e.getClass().getSimpleName(), e);
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
        String message = json.has("message") ? json.get("message").asText() : json.path("Message").asText("");
        AwsErrorDetails details = AwsErrorDetails.builder()
                .errorCode(code)
                .errorMessage(message)
                .serviceName("DynamoDb")
                .build();
        DynamoDbException.Builder builder = switch (code) {
            case "ConditionalCheckFailedException" -> ConditionalCheckFailedException.builder();
            case "ResourceNotFoundException" -> ResourceNotFoundException.builder();
            case "ProvisionedThroughputExceededException" -> ProvisionedThroughputExceededException.builder();
            default -> DynamoDbException.builder();
        };
        return (DynamoDbException) builder.message(code + ": " + message)
                .statusCode(status)
                .requestId(requestId)
                .awsErrorDetails(details)
                .build();
    }
}
