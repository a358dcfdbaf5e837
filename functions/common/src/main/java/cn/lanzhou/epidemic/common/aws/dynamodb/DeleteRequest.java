package cn.lanzhou.epidemic.common.aws.dynamodb;

import java.util.Map;

/** The key of a delete in a BatchWriteItem. Absent parts are null (collections: empty). */
public record DeleteRequest(Map<String, AttributeValue> key) {
    public DeleteRequest {
        key = key == null ? Map.of() : key;
    }

    public boolean hasKey() {
        return !key.isEmpty();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.key = key;
        return b;
    }

    /** Builds a DeleteRequest. */
    public static final class Builder {
        private Map<String, AttributeValue> key;

        private Builder() {
        }

        public Builder key(Map<String, AttributeValue> key) {
            this.key = key;
            return this;
        }

        public DeleteRequest build() {
            return new DeleteRequest(key);
        }
    }

    /** Names the request only: items hold personal data, which must not reach a log through toString. */
    @Override
    public String toString() {
        return "DeleteRequest";
    }
}
