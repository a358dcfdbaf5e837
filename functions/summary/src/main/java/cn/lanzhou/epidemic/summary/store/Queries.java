package cn.lanzhou.epidemic.summary.store;

import cn.lanzhou.epidemic.common.store.Dynamo;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** A Query, page by page: each item is handed on as its page arrives, none is kept. */
public final class Queries {
    private Queries() {
    }

    static void forEach(Dynamo dynamo, QueryRequest request, Consumer<Map<String, AttributeValue>> each) {
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest page = start == null ? request : request.toBuilder().exclusiveStartKey(start).build();
            var response = dynamo.call(() -> dynamo.client().query(page));
            response.items().forEach(each);
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null);
    }
}
