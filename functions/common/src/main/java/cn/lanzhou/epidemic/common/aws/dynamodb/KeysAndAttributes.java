package cn.lanzhou.epidemic.common.aws.dynamodb;

import java.util.List;
import java.util.Map;

/** The keys to read from one table in a BatchGetItem, and how. Absent parts are null (collections: empty). */
public record KeysAndAttributes(List<Map<String, AttributeValue>> keys, Boolean consistentRead, String projectionExpression, Map<String, String> expressionAttributeNames) {
    public KeysAndAttributes {
        keys = keys == null ? List.of() : keys;
        expressionAttributeNames = expressionAttributeNames == null ? Map.of() : expressionAttributeNames;
    }

    public boolean hasKeys() {
        return !keys.isEmpty();
    }

    public boolean hasExpressionAttributeNames() {
        return !expressionAttributeNames.isEmpty();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.keys = keys;
        b.consistentRead = consistentRead;
        b.projectionExpression = projectionExpression;
        b.expressionAttributeNames = expressionAttributeNames;
        return b;
    }

    /** Builds a KeysAndAttributes. */
    public static final class Builder {
        private List<Map<String, AttributeValue>> keys;
        private Boolean consistentRead;
        private String projectionExpression;
        private Map<String, String> expressionAttributeNames;

        private Builder() {
        }

        public Builder keys(List<Map<String, AttributeValue>> keys) {
            this.keys = keys;
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

        public KeysAndAttributes build() {
            return new KeysAndAttributes(keys, consistentRead, projectionExpression, expressionAttributeNames);
        }
    }

    /** Names the request only: items hold personal data, which must not reach a log through toString. */
    @Override
    public String toString() {
        return "KeysAndAttributes";
    }
}
