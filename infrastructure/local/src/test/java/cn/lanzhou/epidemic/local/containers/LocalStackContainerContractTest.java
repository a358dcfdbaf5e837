package cn.lanzhou.epidemic.local.containers;

import cn.lanzhou.epidemic.local.Api;
import cn.lanzhou.epidemic.local.LocalStack;
import cn.lanzhou.epidemic.local.LocalStackContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

/**
 * The same contract tests with DynamoDB and S3 from LocalStack in a container instead of dynalite
 * and S3Proxy ({@code mvn -Plocalstack verify}). Skipped where there is no Docker engine.
 */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackContainerContractTest {
    @Container
    static final LocalStackContainer AWS = new LocalStackContainer(DockerImageName.parse("localstack/localstack:3.8"))
            .withServices(LocalStackContainer.Service.DYNAMODB, LocalStackContainer.Service.S3);

    private static LocalStack stack;

    @BeforeAll
    static void start() throws Exception {
        stack = LocalStack.start(LocalStack.Options.inMemory()
                .externalDynamoDb(AWS.getEndpointOverride(LocalStackContainer.Service.DYNAMODB))
                .externalS3(AWS.getEndpointOverride(LocalStackContainer.Service.S3)));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void getDistrictsKeepsItsContract() {
        LocalStackContract.districts(new Api(stack.baseUrl()));
    }
}
