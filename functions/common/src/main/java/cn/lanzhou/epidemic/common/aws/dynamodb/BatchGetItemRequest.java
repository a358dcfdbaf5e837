package cn.lanzhou.epidemic.common.aws.dynamodb;

import java.util.Map;

/** A BatchGetItem: per table, the keys to read. Absent parts are null (collections: empty). */
public record BatchGetItemRequest(Map<String, KeysAndAttributes> requestItems) {
    public BatchGetItemRequest {
        requestItems = requestItems == null ? Map.of() : requestItems;
    }

    public boolean hasRequestItems() {
        return !requestItems.isEmpty();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.requestItems = requestItems;
        return b;
    }

    /** Builds a BatchGetItemRequest. */
    public static final class Builder {
        private Map<String, KeysAndAttributes> requestItems;

        private Builder() {
        }

        public Builder requestItems(Map<String, KeysAndAttributes> requestItems) {
            this.requestItems = requestItems;
            return this;
        }

        public BatchGetItemRequest build() {
            return new BatchGetItemRequest(requestItems);
        }
    }

    /** Names the request only: items hold personal data, which must not reach a log through toString. */
    @Override
    public String toString() {
        return "BatchGetItemRequest";
    }
}
