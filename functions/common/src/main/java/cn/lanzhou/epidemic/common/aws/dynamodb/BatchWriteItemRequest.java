package cn.lanzhou.epidemic.common.aws.dynamodb;

import java.util.List;
import java.util.Map;

/** A BatchWriteItem: per table, the puts and deletes. Absent parts are null (collections: empty). */
public record BatchWriteItemRequest(Map<String, List<WriteRequest>> requestItems) {
    public BatchWriteItemRequest {
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

    /** Builds a BatchWriteItemRequest. */
    public static final class Builder {
        private Map<String, List<WriteRequest>> requestItems;

        private Builder() {
        }

        public Builder requestItems(Map<String, List<WriteRequest>> requestItems) {
            this.requestItems = requestItems;
            return this;
        }

        public BatchWriteItemRequest build() {
            return new BatchWriteItemRequest(requestItems);
        }
    }

    /** Names the request only: items hold personal data, which must not reach a log through toString. */
    @Override
    public String toString() {
        return "BatchWriteItemRequest";
    }
}
