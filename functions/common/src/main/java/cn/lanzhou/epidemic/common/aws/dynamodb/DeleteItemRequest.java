package cn.lanzhou.epidemic.common.aws.dynamodb;

import java.util.Map;

/** A DeleteItem by the full key, under an optional condition. Absent parts are null (collections: empty). */
public record DeleteItemRequest(String tableName, Map<String, AttributeValue> key, String conditionExpression, Map<String, String> expressionAttributeNames, Map<String, AttributeValue> expressionAttributeValues, ReturnValue returnValues) {
    public DeleteItemRequest {
        key = key == null ? Map.of() : key;
        expressionAttributeNames = expressionAttributeNames == null ? Map.of() : expressionAttributeNames;
        expressionAttributeValues = expressionAttributeValues == null ? Map.of() : expressionAttributeValues;
    }

    public boolean hasKey() {
        return !key.isEmpty();
    }

    public boolean hasExpressionAttributeNames() {
        return !expressionAttributeNames.isEmpty();
    }

    public boolean hasExpressionAttributeValues() {
        return !expressionAttributeValues.isEmpty();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.tableName = tableName;
        b.key = key;
        b.conditionExpression = conditionExpression;
        b.expressionAttributeNames = expressionAttributeNames;
        b.expressionAttributeValues = expressionAttributeValues;
        b.returnValues = returnValues;
        return b;
    }

    /** Builds a DeleteItemRequest. */
    public static final class Builder {
        private String tableName;
        private Map<String, AttributeValue> key;
        private String conditionExpression;
        private Map<String, String> expressionAttributeNames;
        private Map<String, AttributeValue> expressionAttributeValues;
        private ReturnValue returnValues;

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

        public Builder conditionExpression(String conditionExpression) {
            this.conditionExpression = conditionExpression;
            return this;
        }

        public Builder expressionAttributeNames(Map<String, String> expressionAttributeNames) {
            this.expressionAttributeNames = expressionAttributeNames;
            return this;
        }

        public Builder expressionAttributeValues(Map<String, AttributeValue> expressionAttributeValues) {
            this.expressionAttributeValues = expressionAttributeValues;
            return this;
        }

        public Builder returnValues(ReturnValue returnValues) {
            this.returnValues = returnValues;
            return this;
        }

        public DeleteItemRequest build() {
            return new DeleteItemRequest(tableName, key, conditionExpression, expressionAttributeNames, expressionAttributeValues, returnValues);
        }
    }

    /** Names the request only: items hold personal data, which must not reach a log through toString. */
    @Override
    public String toString() {
        return "DeleteItemRequest(" + tableName + ")";
    }
}
