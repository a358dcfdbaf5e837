package cn.lanzhou.epidemic.common.aws.dynamodb;

/** One put or delete of a BatchWriteItem. Absent parts are null (collections: empty). */
public record WriteRequest(PutRequest putRequest, DeleteRequest deleteRequest) {
    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.putRequest = putRequest;
        b.deleteRequest = deleteRequest;
        return b;
    }

    /** Builds a WriteRequest. */
    public static final class Builder {
        private PutRequest putRequest;
        private DeleteRequest deleteRequest;

        private Builder() {
        }

        public Builder putRequest(PutRequest putRequest) {
            this.putRequest = putRequest;
            return this;
        }

        public Builder deleteRequest(DeleteRequest deleteRequest) {
            this.deleteRequest = deleteRequest;
            return this;
        }

        public WriteRequest build() {
            return new WriteRequest(putRequest, deleteRequest);
        }
    }

    /** Names the request only: items hold personal data, which must not reach a log through toString. */
    @Override
    public String toString() {
        return "WriteRequest";
    }
}
