package cn.lanzhou.epidemic.bench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.lanzhou.epidemic.local.LocalStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each function's deployment jar — the shaded jar template.yaml deploys, not the module's class
 * path the other tests use — handles its probe as its first request in a JVM of its own, through
 * the runtime interface client, against the local stack: the bench's own path. Catches a class the
 * shade filters dropped, an SDK class a jar should not need, or a function of the template that the
 * bench would not measure.
 */
class DeploymentJarsIT {

    @Test
    void everyDeploymentJarServesItsProbeThroughTheRuntimeClient() throws Exception {
        Path root = Path.of("../..").toAbsolutePath().normalize();
        Path work = Files.createTempDirectory("jars");
        try (LocalStack stack = LocalStack.start(LocalStack.Options.inMemory().repoRoot(root))) {
            Launcher launcher = new Launcher(stack, Bench.driverJar(root), work);
            List<Functions.Function> functions = Functions.of(stack, root, null);
            assertFalse(functions.isEmpty(), "no function of the template has a probe");
            for (Functions.Function f : functions) {
                assertTrue(Files.isRegularFile(f.jar()), f.jar() + " was not built");
                double ms = launcher.once(f, false, Launcher.Setup.of(f, false)).sinceStartMs();
                System.out.printf("[jars] %s: first request handled in %.0f ms%n", f.name(), ms);
            }
            double floor = launcher.once(functions.getFirst(), true, Launcher.Setup.of(functions.getFirst(), false)).sinceStartMs();
            System.out.printf("[jars] floor: first request handled in %.0f ms%n", floor);
        }
    }
}
