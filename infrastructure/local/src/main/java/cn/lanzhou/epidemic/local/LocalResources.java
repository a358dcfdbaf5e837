package cn.lanzhou.epidemic.local;

import java.net.URI;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Creates the template's tables and buckets in the local servers, when they are not there yet. */
public final class LocalResources {
    private LocalResources() {
    }

    static void create(Template template, URI dynamoDbEndpoint, URI s3Endpoint) {
        try (DynamoDbClient dynamoDb = dynamoDb(dynamoDbEndpoint)) {
            List<String> existing = dynamoDb.listTables().tableNames();
            for (Template.Table table : template.tables()) {
                if (!existing.contains(table.name())) {
                    createTable(dynamoDb, table);
                }
            }
        }
        try (S3Client s3 = s3(s3Endpoint)) {
            for (String bucket : template.buckets()) {
                try {
                    s3.headBucket(b -> b.bucket(bucket));
                } catch (NoSuchBucketException e) {
                    createBucket(s3, bucket);
                } catch (S3Exception e) {
                    if (e.statusCode() != 404) {
                        throw e;
                    }
                    createBucket(s3, bucket);
                }
            }
        }
    }

    private static void createBucket(S3Client s3, String bucket) {
        try {
            s3.createBucket(b -> b.bucket(bucket));
        } catch (BucketAlreadyOwnedByYouException alreadyThere) {
            // created meanwhile: what we wanted
        }
    }

    private static void createTable(DynamoDbClient dynamoDb, Template.Table table) {
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(table.name())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(keys(table.keySchema()))
                .attributeDefinitions(table.attributeTypes().entrySet().stream()
                        .map(a -> AttributeDefinition.builder().attributeName(a.getKey()).attributeType(a.getValue()).build())
                        .toList());
        if (!table.globalSecondaryIndexes().isEmpty()) {
            request.globalSecondaryIndexes(table.globalSecondaryIndexes().stream()
                    .map(i -> GlobalSecondaryIndex.builder()
                            .indexName(i.name())
                            .keySchema(keys(i.keySchema()))
                            .projection(Projection.builder().projectionType(i.projectionType()).build())
                            .build())
                    .toList());
        }
        try {
            dynamoDb.createTable(request.build());
        } catch (ResourceInUseException alreadyThere) {
            return;
        }
        // the SDK's waiter polls every 20 seconds; dynalite is ready within milliseconds
        long deadline = System.currentTimeMillis() + 10_000;
        while (dynamoDb.describeTable(b -> b.tableName(table.name())).table().tableStatus() != TableStatus.ACTIVE) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("table " + table.name() + " did not become ACTIVE");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while creating " + table.name(), e);
            }
        }
    }

    private static List<KeySchemaElement> keys(List<Template.Key> keys) {
        return keys.stream().map(k -> KeySchemaElement.builder().attributeName(k.attributeName()).keyType(k.keyType()).build()).toList();
    }

    /** A DynamoDB client for the local endpoint, with the local keys. */
    public static DynamoDbClient dynamoDb(URI endpoint) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(LocalStack.REGION))
                .credentialsProvider(credentials())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    /**
     * An S3 client for S3Proxy: path-style addressing, and checksums only where S3 requires them,
     * since S3Proxy refuses the SDK's default trailing checksums.
     */
    public static S3Client s3(URI endpoint) {
        return S3Client.builder()
                .endpointOverride(endpoint)
                .region(Region.of(LocalStack.REGION))
                .credentialsProvider(credentials())
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    public static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(LocalStack.ACCESS_KEY_ID, LocalStack.SECRET_ACCESS_KEY));
    }
}
