package cn.lanzhou.epidemic.common.aws.dynamodb;

import java.util.List;
import java.util.Map;

/** The writes a BatchWriteItem left for another call, per table. Absent parts are null (collections: empty). */
public record BatchWriteItemResponse(Map<String, List<WriteRequest>> unprocessedItems) {
    public BatchWriteItemResponse {
        unprocessedItems = unprocessedItems == null ? Map.of() : unprocessedItems;
    }

    public boolean hasUnprocessedItems() {
        return !unprocessedItems.isEmpty();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.unprocessedItems = unprocessedItems;
        return b;
    }

    /** Builds a BatchWriteItemResponse. */
    public static final class Builder {
        private Map<String, List<WriteRequest>> unprocessedItems;

        private Builder() {
        }

        public Builder unprocessedItems(Map<String, List<WriteRequest>> unprocessedItems) {
            this.unprocessedItems = unprocessedItems;
            return this;
        }

        public BatchWriteItemResponse build() {
            return new BatchWriteItemResponse(unprocessedItems);
        }
    }

    /** Names the request only: items hold personal data, which must not reach a log through toString. */
    @Override
    public String toString() {
        return "BatchWriteItemResponse";
    }
}
