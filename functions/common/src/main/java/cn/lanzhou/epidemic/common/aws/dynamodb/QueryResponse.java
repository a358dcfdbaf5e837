package cn.lanzhou.epidemic.common.aws.dynamodb;

import java.util.List;
import java.util.Map;

/** One page of a Query: its items and, when more follow, the key to start the next page from. Absent parts are null (collections: empty). */
public record QueryResponse(List<Map<String, AttributeValue>> items, Integer count, Map<String, AttributeValue> lastEvaluatedKey) {
    public QueryResponse {
        items = items == null ? List.of() : items;
        lastEvaluatedKey = lastEvaluatedKey == null ? Map.of() : lastEvaluatedKey;
    }

    public boolean hasItems() {
        return !items.isEmpty();
    }

    public boolean hasLastEvaluatedKey() {
        return !lastEvaluatedKey.isEmpty();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.items = items;
        b.count = count;
        b.lastEvaluatedKey = lastEvaluatedKey;
        return b;
    }

    /** Builds a QueryResponse. */
    public static final class Builder {
        private List<Map<String, AttributeValue>> items;
        private Integer count;
        private Map<String, AttributeValue> lastEvaluatedKey;

        private Builder() {
        }

        public Builder items(List<Map<String, AttributeValue>> items) {
            this.items = items;
            return this;
        }

        public Builder count(Integer count) {
            this.count = count;
            return this;
        }

        public Builder lastEvaluatedKey(Map<String, AttributeValue> lastEvaluatedKey) {
            this.lastEvaluatedKey = lastEvaluatedKey;
            return this;
        }

        public QueryResponse build() {
            return new QueryResponse(items, count, lastEvaluatedKey);
        }
    }

    /** Names the request only: items hold personal data, which must not reach a log through toString. */
    @Override
    public String toString() {
        return "QueryResponse";
    }
}
