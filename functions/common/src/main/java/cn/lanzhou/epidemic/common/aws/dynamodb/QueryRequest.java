package cn.lanzhou.epidemic.common.aws.dynamodb;

import java.util.Map;

/** A Query of one partition (of the table or an index), one page at a time. Absent parts are null (collections: empty). */
public record QueryRequest(String tableName, String indexName, String keyConditionExpression, String filterExpression, String projectionExpression, Map<String, String> expressionAttributeNames, Map<String, AttributeValue> expressionAttributeValues, Map<String, AttributeValue> exclusiveStartKey, Integer limit, Boolean scanIndexForward, Boolean consistentRead) {
    public QueryRequest {
        expressionAttributeNames = expressionAttributeNames == null ? Map.of() : expressionAttributeNames;
        expressionAttributeValues = expressionAttributeValues == null ? Map.of() : expressionAttributeValues;
        exclusiveStartKey = exclusiveStartKey == null ? Map.of() : exclusiveStartKey;
    }

    public boolean hasExpressionAttributeNames() {
        return !expressionAttributeNames.isEmpty();
    }

    public boolean hasExpressionAttributeValues() {
        return !expressionAttributeValues.isEmpty();
    }

    public boolean hasExclusiveStartKey() {
        return !exclusiveStartKey.isEmpty();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.tableName = tableName;
        b.indexName = indexName;
        b.keyConditionExpression = keyConditionExpression;
        b.filterExpression = filterExpression;
        b.projectionExpression = projectionExpression;
        b.expressionAttributeNames = expressionAttributeNames;
        b.expressionAttributeValues = expressionAttributeValues;
        b.exclusiveStartKey = exclusiveStartKey;
        b.limit = limit;
        b.scanIndexForward = scanIndexForward;
        b.consistentRead = consistentRead;
        return b;
    }

    /** Builds a QueryRequest. */
    public static final class Builder {
        private String tableName;
        private String indexName;
        private String keyConditionExpression;
        private String filterExpression;
        private String projectionExpression;
        private Map<String, String> expressionAttributeNames;
        private Map<String, AttributeValue> expressionAttributeValues;
        private Map<String, AttributeValue> exclusiveStartKey;
        private Integer limit;
        private Boolean scanIndexForward;
        private Boolean consistentRead;

        private Builder() {
        }

        public Builder tableName(String tableName) {
            this.tableName = tableName;
            return this;
        }

        public Builder indexName(String indexName) {
            this.indexName = indexName;
            return this;
        }

        public Builder keyConditionExpression(String keyConditionExpression) {
            this.keyConditionExpression = keyConditionExpression;
            return this;
        }

        public Builder filterExpression(String filterExpression) {
            this.filterExpression = filterExpression;
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

        public Builder expressionAttributeValues(Map<String, AttributeValue> expressionAttributeValues) {
            this.expressionAttributeValues = expressionAttributeValues;
            return this;
        }

        public Builder exclusiveStartKey(Map<String, AttributeValue> exclusiveStartKey) {
            this.exclusiveStartKey = exclusiveStartKey;
            return this;
        }

        public Builder limit(Integer limit) {
            this.limit = limit;
            return this;
        }

        public Builder scanIndexForward(Boolean scanIndexForward) {
            this.scanIndexForward = scanIndexForward;
            return this;
        }

        public Builder consistentRead(Boolean consistentRead) {
            this.consistentRead = consistentRead;
            return this;
        }

        public QueryRequest build() {
            return new QueryRequest(tableName, indexName, keyConditionExpression, filterExpression, projectionExpression, expressionAttributeNames, expressionAttributeValues, exclusiveStartKey, limit, scanIndexForward, consistentRead);
        }
    }

    /** Names the request only: items hold personal data, which must not reach a log through toString. */
    @Override
    public String toString() {
        return "QueryRequest(" + tableName + ")";
    }
}
