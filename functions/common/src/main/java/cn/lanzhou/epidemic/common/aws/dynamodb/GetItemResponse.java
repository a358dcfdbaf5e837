package cn.lanzhou.epidemic.common.aws.dynamodb;

import java.util.Map;

/** What a GetItem found: the item, or none. Absent parts are null (collections: empty). */
public record GetItemResponse(Map<String, AttributeValue> item) {
    public GetItemResponse {
        item = item == null ? Map.of() : item;
    }

    public boolean hasItem() {
        return !item.isEmpty();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.item = item;
        return b;
    }

    /** Builds a GetItemResponse. */
    public static final class Builder {
        private Map<String, AttributeValue> item;

        private Builder() {
        }

        public Builder item(Map<String, AttributeValue> item) {
            this.item = item;
            return this;
        }

        public GetItemResponse build() {
            return new GetItemResponse(item);
        }
    }

    /** Names the request only: items hold personal data, which must not reach a log through toString. */
    @Override
    public String toString() {
        return "GetItemResponse";
    }
}
