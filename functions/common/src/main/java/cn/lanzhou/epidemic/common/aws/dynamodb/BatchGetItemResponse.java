package cn.lanzhou.epidemic.common.aws.dynamodb;

import java.util.List;
import java.util.Map;

/** What a BatchGetItem read, per table, and the keys it left for another call. Absent parts are null (collections: empty). */
public record BatchGetItemResponse(Map<String, List<Map<String, AttributeValue>>> responses, Map<String, KeysAndAttributes> unprocessedKeys) {
    public BatchGetItemResponse {
        responses = responses == null ? Map.of() : responses;
        unprocessedKeys = unprocessedKeys == null ? Map.of() : unprocessedKeys;
    }

    public boolean hasResponses() {
        return !responses.isEmpty();
    }

    public boolean hasUnprocessedKeys() {
        return !unprocessedKeys.isEmpty();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.responses = responses;
        b.unprocessedKeys = unprocessedKeys;
        return b;
    }

    /** Builds a BatchGetItemResponse. */
    public static final class Builder {
        private Map<String, List<Map<String, AttributeValue>>> responses;
        private Map<String, KeysAndAttributes> unprocessedKeys;

        private Builder() {
        }

        public Builder responses(Map<String, List<Map<String, AttributeValue>>> responses) {
            this.responses = responses;
            return this;
        }

        public Builder unprocessedKeys(Map<String, KeysAndAttributes> unprocessedKeys) {
            this.unprocessedKeys = unprocessedKeys;
            return this;
        }

        public BatchGetItemResponse build() {
            return new BatchGetItemResponse(responses, unprocessedKeys);
        }
    }

    /** Names the request only: items hold personal data, which must not reach a log through toString. */
    @Override
    public String toString() {
        return "BatchGetItemResponse";
    }
}
