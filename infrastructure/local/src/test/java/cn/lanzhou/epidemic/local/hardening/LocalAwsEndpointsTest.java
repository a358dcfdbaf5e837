package cn.lanzhou.epidemic.local.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.lanzhou.epidemic.local.LocalStack;
import cn.lanzhou.epidemic.local.LocalStackExtension;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The stack's own AWS endpoints (Secrets Manager, Lambda Invoke) as the SDK meets them: they answer
 * requests signed with the credentials the stack hands out, and refuse, as AWS would, a request signed
 * with another key, with the right key and a wrong secret, or not signed at all.
 */
@ExtendWith(LocalStackExtension.class)
class LocalAwsEndpointsTest {

    private static SecretsManagerClient secrets(LocalStack stack, AwsCredentialsProvider credentials) {
        return SecretsManagerClient.builder().region(Region.US_EAST_1).credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(URI.create(stack.processEnvironment("RegistrationFunction").get("AWS_ENDPOINT_URL_SECRETS_MANAGER")))
                .build();
    }

    private static LambdaClient lambda(LocalStack stack, AwsCredentialsProvider credentials) {
        return LambdaClient.builder().region(Region.US_EAST_1).credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create()).endpointOverride(stack.lambdaEndpoint()).build();
    }

    private static StaticCredentialsProvider keys(String accessKey, String secret) {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secret));
    }

    @Test
    void theCredentialsAContainerIsGivenReadTheSecretThroughTheSdk(LocalStack stack) {
        Map<String, String> env = stack.processEnvironment("RegistrationFunction");
        // what a function's default chain does in Lambda: the container credentials endpoint with its token
        System.setProperty("aws.containerCredentialsFullUri", env.get("AWS_CONTAINER_CREDENTIALS_FULL_URI"));
        System.setProperty("aws.containerAuthorizationToken", env.get("AWS_CONTAINER_AUTHORIZATION_TOKEN"));
        try (ContainerCredentialsProvider container = ContainerCredentialsProvider.create();
                SecretsManagerClient client = secrets(stack, container)) {
            String value = client.getSecretValue(b -> b.secretId(env.get("ID_HASH_SECRET_ARN"))).secretString();
            assertFalse(value.isBlank());
        } finally {
            System.clearProperty("aws.containerAuthorizationToken");
            System.clearProperty("aws.containerCredentialsFullUri");
        }
    }

    @Test
    void aSecretIsRefusedToAnotherKeyAndToAWrongSignature(LocalStack stack) {
        String arn = stack.processEnvironment("RegistrationFunction").get("ID_HASH_SECRET_ARN");
        for (StaticCredentialsProvider wrong : new StaticCredentialsProvider[] {
                keys("AKIAOTHERKEY", LocalStack.SECRET_ACCESS_KEY), keys(LocalStack.ACCESS_KEY_ID, "not-the-secret")}) {
            try (SecretsManagerClient client = secrets(stack, wrong)) {
                SdkException refused = assertThrows(SdkException.class, () -> client.getSecretValue(b -> b.secretId(arn)));
                assertTrue(refused.getMessage().contains("UnrecognizedClient") || refused.getMessage().contains("security token"),
                        refused.getMessage());
            }
        }
    }

    @Test
    void lambdaInvokeAnswersTheStacksKeyAndRefusesAnother(LocalStack stack) {
        try (LambdaClient client = lambda(stack, keys(LocalStack.ACCESS_KEY_ID, LocalStack.SECRET_ACCESS_KEY))) {
            assertEquals(204, client.invoke(b -> b.functionName("SummaryFunction").invocationType(InvocationType.DRY_RUN)).statusCode());
        }
        try (LambdaClient client = lambda(stack, keys(LocalStack.ACCESS_KEY_ID, "not-the-secret"))) {
            assertThrows(SdkException.class,
                    () -> client.invoke(b -> b.functionName("SummaryFunction").invocationType(InvocationType.DRY_RUN)));
        }
    }
}
