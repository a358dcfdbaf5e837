package cn.lanzhou.epidemic.common.aws.dynamodb;

import java.util.Map;

/** A GetItem by the full key. Absent parts are null (collections: empty). */
public record GetItemRequest(String tableName, Map<String, AttributeValue> key, Boolean consistentRead, String projectionExpression, Map<String, String> expressionAttributeNames) {
    public GetItemRequest {
        key = key == null ? Map.of() : key;
        expressionAttributeNames = expressionAttributeNames == null ? Map.of() : expressionAttributeNames;
    }

    public boolean hasKey() {
        return !key.isEmpty();
    }

    public boolean hasExpressionAttributeNames() {
        return !expressionAttributeNames.isEmpty();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.tableName = tableName;
        b.key = key;
        b.consistentRead = consistentRead;
        b.projectionExpression = projectionExpression;
        b.expressionAttributeNames = expressionAttributeNames;
        return b;
    }

    /** Builds a GetItemRequest. */
    public static final class Builder {
        private String tableName;
        private Map<String, AttributeValue> key;
        private Boolean consistentRead;
        private String projectionExpression;
        private Map<String, String> expressionAttributeNames;

        private Builder() {
        }

        public Builder tableName(String tableName) {
            this.tableName = tableName;
            return this;
        }

        public Builder key(Map<String, AttributeValue> key) {
            this.key = key;
            return this;
        }

        public Builder consistentRead(Boolean consistentRead) {
            this.consistentRead = consistentRead;
            return this;
        }

        public Builder projectionExpression(String projectionExpression) {
            this.projectionExpression = projectionExpression;
            return this;
        }

        public Builder expressionAttributeNames(Map<String, String> expressionAttributeNames) {
            this.expressionAttributeNames = expressionAttributeNames;
            return this;
        }

        public GetItemRequest build() {
            return new GetItemRequest(tableName, key, consistentRead, projectionExpression, expressionAttributeNames);
        }
    }

    /** Names the request only: items hold personal data, which must not reach a log through toString. */
    @Override
    public String toString() {
        return "GetItemRequest(" + tableName + ")";
    }
}
