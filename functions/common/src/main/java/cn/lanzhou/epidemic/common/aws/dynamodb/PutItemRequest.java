package cn.lanzhou.epidemic.common.aws.dynamodb;

import java.util.Map;

/** A PutItem: the item, and the condition it is written under. Absent parts are null (collections: empty). */
public record PutItemRequest(String tableName, Map<String, AttributeValue> item, String conditionExpression, Map<String, String> expressionAttributeNames, Map<String, AttributeValue> expressionAttributeValues, ReturnValue returnValues) {
    public PutItemRequest {
        item = item == null ? Map.of() : item;
        expressionAttributeNames = expressionAttributeNames == null ? Map.of() : expressionAttributeNames;
        expressionAttributeValues = expressionAttributeValues == null ? Map.of() : expressionAttributeValues;
    }

    public boolean hasItem() {
        return !item.isEmpty();
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
        b.item = item;
        b.conditionExpression = conditionExpression;
        b.expressionAttributeNames = expressionAttributeNames;
        b.expressionAttributeValues = expressionAttributeValues;
        b.returnValues = returnValues;
        return b;
    }

    /** Builds a PutItemRequest. */
    public static final class Builder {
        private String tableName;
        private Map<String, AttributeValue> item;
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

        public Builder item(Map<String, AttributeValue> item) {
            this.item = item;
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

        public PutItemRequest build() {
            return new PutItemRequest(tableName, item, conditionExpression, expressionAttributeNames, expressionAttributeValues, returnValues);
        }
    }

    /** Names the request only: items hold personal data, which must not reach a log through toString. */
    @Override
    public String toString() {
        return "PutItemRequest(" + tableName + ")";
    }
}
