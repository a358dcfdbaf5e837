package cn.lanzhou.epidemic.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.lanzhou.epidemic.local.LocalStack;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Each function's deployment jar — the shaded jar template.yaml deploys, not the module's class
 * path the other tests use — handles its first request in a JVM of its own against the local
 * stack. Catches a class the shade filters dropped, or an SDK class a jar should not need.
 */
class DeploymentJarsIT {

    @Test
    void everyDeploymentJarServesItsFirstRequest() throws Exception {
        Path root = Path.of("../..").toAbsolutePath().normalize();
        Path work = Files.createTempDirectory("jars");
        try (LocalStack stack = LocalStack.start(LocalStack.Options.inMemory().repoRoot(root))) {
            ColdStart cold = new ColdStart(stack, Bench.driverJar(root), work);
            for (ColdStart.Target target : Bench.targets(stack, root)) {
                assertTrue(Files.isRegularFile(target.jar()), target.jar() + " was not built");
                double ms = cold.run(target, false);
                System.out.printf("[jars] %s: first request handled in %.0f ms%n", target.name(), ms);
            }
        }
    }
}
