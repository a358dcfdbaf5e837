package cn.lanzhou.epidemic.common.aws.dynamodb;

import java.util.Map;

/** What a DeleteItem answered: the old item when asked for. Absent parts are null (collections: empty). */
public record DeleteItemResponse(Map<String, AttributeValue> attributes) {
    public DeleteItemResponse {
        attributes = attributes == null ? Map.of() : attributes;
    }

    public boolean hasAttributes() {
        return !attributes.isEmpty();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.attributes = attributes;
        return b;
    }

    /** Builds a DeleteItemResponse. */
    public static final class Builder {
        private Map<String, AttributeValue> attributes;

        private Builder() {
        }

        public Builder attributes(Map<String, AttributeValue> attributes) {
            this.attributes = attributes;
            return this;
        }

        public DeleteItemResponse build() {
            return new DeleteItemResponse(attributes);
        }
    }

    /** Names the request only: items hold personal data, which must not reach a log through toString. */
    @Override
    public String toString() {
        return "DeleteItemResponse";
    }
}
