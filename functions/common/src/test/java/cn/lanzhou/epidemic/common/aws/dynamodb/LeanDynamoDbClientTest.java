package cn.lanzhou.epidemic.common.aws.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.lanzhou.epidemic.common.aws.SigV4;
import cn.lanzhou.epidemic.common.json.Json;
import java.util.Arrays;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The wire format and the error and retry behaviour, against a scripted HTTP server. */
class LeanDynamoDbClientTest {
    private record Reply(int status, String body) {
    }

    private HttpServer server;
    private final Deque<Reply> replies = new ArrayDeque<>();
    private final List<JsonNode> requests = new ArrayList<>();
    private final List<String> targets = new ArrayList<>();
    private LeanDynamoDbClient client;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.add(Json.parseTrusted(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            targets.add(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
            assertTrue(exchange.getRequestHeaders().getFirst("Authorization").startsWith("AWS4-HMAC-SHA256 Credential=AK/"));
            Reply reply = replies.isEmpty() ? new Reply(200, "{}") : replies.poll();
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(reply.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        client = new LeanDynamoDbClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), "cn-northwest-1",
                () -> new SigV4.Credentials("AK", "SK", null), 3, Duration.ofSeconds(5), Duration.ofSeconds(2));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aConditionalPutIsSentInDynamoDbsJsonForm() {
        client.putItem(PutItemRequest.builder().tableName("T")
                .item(Map.of("pk", AttributeValue.fromS("a"), "amount", AttributeValue.fromN("202241.01"),
                        "items", AttributeValue.fromL(List.of(AttributeValue.fromM(Map.of("q", AttributeValue.fromN("3")))))))
                .conditionExpression("attribute_not_exists(pk)").build());
        JsonNode sent = requests.get(0);
        assertEquals("DynamoDB_20120810.PutItem", targets.get(0));
        assertEquals("T", sent.get("TableName").asText());
        assertEquals("202241.01", sent.at("/Item/amount/N").asText());
        assertEquals("3", sent.at("/Item/items/L/0/M/q/N").asText());
        assertEquals("attribute_not_exists(pk)", sent.get("ConditionExpression").asText());
    }

    @Test
    void aFailedConditionIsAConditionalCheckFailedExceptionAndNotRetried() {
        replies.add(new Reply(400, "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException\",\"message\":\"The conditional request failed\"}"));
        assertThrows(ConditionalCheckFailedException.class, () -> client.putItem(PutItemRequest.builder().tableName("T")
                .item(Map.of("pk", AttributeValue.fromS("a"))).build()));
        assertEquals(1, requests.size());
    }

    @Test
    void throttlingAndServerErrorsAreRetriedThenSucceed() {
        replies.add(new Reply(400, "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException\",\"message\":\"slow down\"}"));
        replies.add(new Reply(500, "{\"__type\":\"com.amazon.coral.service#InternalFailure\"}"));
        replies.add(new Reply(200, "{\"Item\":{\"pk\":{\"S\":\"a\"},\"ok\":{\"BOOL\":true}}}"));
        var response = client.getItem(GetItemRequest.builder().tableName("T").key(Map.of("pk", AttributeValue.fromS("a"))).build());
        assertEquals(3, requests.size());
        assertTrue(response.item().get("ok").bool());
    }

    @Test
    void lastingThrottlingSurfacesAsAThrottlingException() {
        for (int i = 0; i < 3; i++) {
            replies.add(new Reply(400, "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ThrottlingException\",\"message\":\"x\"}"));
        }
        DynamoDbException e = assertThrows(DynamoDbException.class, () -> client.getItem(GetItemRequest.builder().tableName("T")
                .key(Map.of("pk", AttributeValue.fromS("a"))).build()));
        assertTrue(e.isThrottlingException());
        assertEquals(3, requests.size());
    }

    @Test
    void anAbsentItemLeavesTheResponseWithoutItem() {
        var response = client.getItem(GetItemRequest.builder().tableName("T").key(Map.of("pk", AttributeValue.fromS("a"))).build());
        assertFalse(response.hasItem());
    }

    @Test
    void queryPagesCarryTheirLastEvaluatedKey() {
        replies.add(new Reply(200, "{\"Count\":1,\"ScannedCount\":1,\"Items\":[{\"pk\":{\"S\":\"a\"}}],\"LastEvaluatedKey\":{\"pk\":{\"S\":\"a\"}}}"));
        var page = client.query(QueryRequest.builder().tableName("T").keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("a"))).limit(1).scanIndexForward(false).build());
        assertEquals(1, page.count());
        assertEquals("a", page.lastEvaluatedKey().get("pk").s());
        assertEquals(false, requests.get(0).get("ScanIndexForward").asBoolean());
        assertEquals(1, requests.get(0).get("Limit").asInt());
    }

    @Test
    void aFunctionCannotScanTheTable() {
        assertTrue(Arrays.stream(DynamoDb.class.getMethods()).noneMatch(m -> m.getName().toLowerCase().contains("scan")));
    }

    @Test
    void anUnreachableServerIsATransientFailureWithoutStatus() {
        server.stop(0);
        DynamoDbException e = assertThrows(DynamoDbException.class, () -> client.getItem(GetItemRequest.builder().tableName("T")
                .key(Map.of("pk", AttributeValue.fromS("a"))).build()));
        assertEquals(0, e.statusCode());
        assertTrue(e.isTransient());
    }

    @Test
    void aRefusalIsNeitherRetriedNorTransient() {
        replies.add(new Reply(400, "{\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"bad key\"}"));
        DynamoDbException e = assertThrows(DynamoDbException.class, () -> client.getItem(GetItemRequest.builder().tableName("T")
                .key(Map.of("pk", AttributeValue.fromS("a"))).build()));
        assertEquals("ValidationException", e.errorCode());
        assertFalse(e.isTransient());
        assertEquals(1, requests.size());
    }

    @Test
    void everyAttributeTypeTravelsBothWays() {
        Map<String, AttributeValue> item = Map.of(
                "s", AttributeValue.fromS("兰州"), "n", AttributeValue.fromN("0.10"), "b", AttributeValue.fromBool(false),
                "z", AttributeValue.fromNul(true), "ss", AttributeValue.fromSs(List.of("a", "b")),
                "ns", AttributeValue.fromNs(List.of("1", "2.5")),
                "m", AttributeValue.fromM(Map.of("l", AttributeValue.fromL(List.of(AttributeValue.fromN("3"))))));
        // DynamoDB's own wire form, written out: not produced by the code under test
        replies.add(new Reply(200, "{\"Item\":{\"s\":{\"S\":\"兰州\"},\"n\":{\"N\":\"0.10\"},\"b\":{\"BOOL\":false},"
                + "\"z\":{\"NULL\":true},\"ss\":{\"SS\":[\"a\",\"b\"]},\"ns\":{\"NS\":[\"1\",\"2.5\"]},"
                + "\"m\":{\"M\":{\"l\":{\"L\":[{\"N\":\"3\"}]}}}}}"));
        var response = client.getItem(GetItemRequest.builder().tableName("T").key(Map.of("pk", AttributeValue.fromS("a"))).build());
        assertEquals(item, response.item());
        assertEquals("0.10", response.item().get("n").n());

        client.putItem(PutItemRequest.builder().tableName("T").item(item).build());
        JsonNode sent = requests.get(requests.size() - 1).get("Item");
        assertEquals(Json.parseTrusted("{\"s\":{\"S\":\"兰州\"},\"n\":{\"N\":\"0.10\"},\"b\":{\"BOOL\":false},"
                + "\"z\":{\"NULL\":true},\"ss\":{\"SS\":[\"a\",\"b\"]},\"ns\":{\"NS\":[\"1\",\"2.5\"]},"
                + "\"m\":{\"M\":{\"l\":{\"L\":[{\"N\":\"3\"}]}}}}"), sent);
    }

    @Test
    void anAnswerThatIsNotJsonIsRetriedWhenItComesWithSuccessAndRefusedOtherwise() {
        replies.add(new Reply(200, "<html>proxy</html>"));
        replies.add(new Reply(200, "{}"));
        var response = client.getItem(GetItemRequest.builder().tableName("T").key(Map.of("pk", AttributeValue.fromS("a"))).build());
        assertFalse(response.hasItem());
        assertEquals(2, requests.size());

        replies.add(new Reply(400, "not json"));
        DynamoDbException e = assertThrows(DynamoDbException.class, () -> client.getItem(GetItemRequest.builder()
                .tableName("T").key(Map.of("pk", AttributeValue.fromS("a"))).build()));
        assertEquals("MalformedResponse", e.errorCode());
        assertEquals(3, requests.size(), "a refusal is not retried, readable or not");
    }

    @Test
    void unprocessedKeysComeBackAsKeysToAskForAgain() {
        replies.add(new Reply(200, "{\"Responses\":{\"T\":[{\"pk\":{\"S\":\"a\"}}]},"
                + "\"UnprocessedKeys\":{\"T\":{\"Keys\":[{\"pk\":{\"S\":\"b\"}}],\"ConsistentRead\":true}}}"));
        var response = client.batchGetItem(BatchGetItemRequest.builder().requestItems(Map.of("T", KeysAndAttributes.builder()
                .keys(List.of(Map.of("pk", AttributeValue.fromS("a")), Map.of("pk", AttributeValue.fromS("b"))))
                .consistentRead(true).build())).build());
        assertEquals(List.of(Map.of("pk", AttributeValue.fromS("a"))), response.responses().get("T"));
        assertEquals(List.of(Map.of("pk", AttributeValue.fromS("b"))), response.unprocessedKeys().get("T").keys());
        assertTrue(response.unprocessedKeys().get("T").consistentRead());
        assertEquals(Json.parseTrusted("{\"RequestItems\":{\"T\":{\"Keys\":[{\"pk\":{\"S\":\"a\"}},{\"pk\":{\"S\":\"b\"}}],"
                + "\"ConsistentRead\":true}}}"), requests.get(0));
    }

    @Test
    void requestsAndValuesNeverPrintTheirContents() {
        var request = PutItemRequest.builder().tableName("T").item(Map.of("idNumber", AttributeValue.fromS("110101199003074514"))).build();
        assertFalse(request.toString().contains("1101"));
        assertFalse(AttributeValue.fromS("13800138000").toString().contains("138"));
    }
}
