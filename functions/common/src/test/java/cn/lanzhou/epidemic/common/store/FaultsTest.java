package cn.lanzhou.epidemic.common.store;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;

/** Which SDK failures a later retry may cure (503) and which propagate (500). */
class FaultsTest {

    private static DynamoDbException answered(int status, String code) {
        return (DynamoDbException) DynamoDbException.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).build()).message(code).build();
    }

    @Test
    void throttlingIsUnavailableWhateverItsStatus() {
        assertInstanceOf(BackendUnavailable.class, Faults.translate(answered(400, "ThrottlingException")));
        assertInstanceOf(BackendUnavailable.class, Faults.translate(answered(400, "RequestLimitExceeded")));
        assertInstanceOf(BackendUnavailable.class, Faults.translate(answered(400, "ProvisionedThroughputExceededException")));
        assertInstanceOf(BackendUnavailable.class, Faults.translate(answered(429, "TooManyRequests")));
    }

    @Test
    void dynamoDbsThrottlingTypesAreUnavailableEvenWithoutAnErrorCode() {
        Dynamo dynamo = new Dynamo(null);
        assertThrows(BackendUnavailable.class, () -> dynamo.call(() -> {
            throw ProvisionedThroughputExceededException.builder().statusCode(400).message("slow down").build();
        }));
        assertThrows(BackendUnavailable.class, () -> dynamo.call(() -> {
            throw RequestLimitExceededException.builder().statusCode(400).message("slow down").build();
        }));
    }

    @Test
    void aFailedConditionStaysForTheCaller() {
        Dynamo dynamo = new Dynamo(null);
        assertThrows(ConditionalCheckFailedException.class, () -> dynamo.call(() -> {
            throw ConditionalCheckFailedException.builder().statusCode(400).message("exists").build();
        }));
    }

    @Test
    void aFaultOnTheServersSideIsUnavailable() {
        assertInstanceOf(BackendUnavailable.class, Faults.translate(answered(500, "InternalServerError")));
        assertInstanceOf(BackendUnavailable.class, Faults.translate(answered(503, "ServiceUnavailable")));
    }

    @Test
    void timeoutsAndFailedConnectionsAreUnavailable() {
        assertInstanceOf(BackendUnavailable.class, Faults.translate(ApiCallTimeoutException.create(8000)));
        assertInstanceOf(BackendUnavailable.class, Faults.translate(ApiCallAttemptTimeoutException.create(3000)));
        assertInstanceOf(BackendUnavailable.class, Faults.translate(
                SdkClientException.create("Unable to execute HTTP request", new IOException("Connection refused"))));
    }

    @Test
    void aRefusalPropagatesAsItIs() {
        DynamoDbException refused = answered(400, "ValidationException");
        assertSame(refused, Faults.translate(refused));
        DynamoDbException denied = answered(403, "AccessDeniedException");
        assertSame(denied, Faults.translate(denied));
    }

    @Test
    void credentialsThatCannotBeLoadedAreAMisconfigurationNotAnOutage() {
        SdkClientException noCredentials = SdkClientException.create(
                "Unable to load credentials from any of the providers in the chain");
        assertSame(noCredentials, Faults.translate(noCredentials));
    }
}
