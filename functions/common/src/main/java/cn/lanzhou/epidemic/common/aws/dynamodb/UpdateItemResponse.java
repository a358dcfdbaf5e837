package cn.lanzhou.epidemic.common.aws.dynamodb;

import java.util.Map;

/** What an UpdateItem answered: the attributes asked for with ReturnValues. Absent parts are null (collections: empty). */
public record UpdateItemResponse(Map<String, AttributeValue> attributes) {
    public UpdateItemResponse {
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

    /** Builds a UpdateItemResponse. */
    public static final class Builder {
        private Map<String, AttributeValue> attributes;

        private Builder() {
        }

        public Builder attributes(Map<String, AttributeValue> attributes) {
            this.attributes = attributes;
            return this;
        }

        public UpdateItemResponse build() {
            return new UpdateItemResponse(attributes);
        }
    }

    /** Names the request only: items hold personal data, which must not reach a log through toString. */
    @Override
    public String toString() {
        return "UpdateItemResponse";
    }
}
