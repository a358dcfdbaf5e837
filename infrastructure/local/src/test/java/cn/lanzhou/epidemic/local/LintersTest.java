package cn.lanzhou.epidemic.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What AWS and OpenAPI tooling would reject, checked with their own linters where this machine has
 * them (Python's {@code cfn-lint} and {@code openapi-spec-validator}); skipped, saying so, elsewhere.
 */
class LintersTest {
    private static final Path ROOT = LocalStack.findRepoRoot(Path.of("").toAbsolutePath());

    @Test
    void cloudFormationLintFindsNoErrorForAGlobalRegionOrTheChinaRegions() throws Exception {
        Result result = run("cfn-lint", "-r", "us-east-1", "cn-northwest-1", "cn-north-1", "--", "template.yaml");
        // cfn-lint's exit code is a bit set: 2 errors, 4 warnings, 8 informational; 1 a failure of its own
        assertEquals(0, result.exitCode() & 3, "cfn-lint reported errors:\n" + result.output());
    }

    @Test
    void openApiDocumentIsValid() throws Exception {
        assertClean(run("openapi-spec-validator", "openapi.yaml"));
    }

    private static void assertClean(Result result) {
        assertEquals(0, result.exitCode(), String.join(" ", result.command()) + " reported:\n" + result.output());
    }

    private static Result run(String... command) throws IOException, InterruptedException {
        assumeTrue(onPath(command[0]), command[0] + " is not installed here; check skipped");
        Process process = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
        return new Result(List.of(command), process.exitValue(), output);
    }

    private static boolean onPath(String program) {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(":")));
        return dirs.stream().anyMatch(dir -> !dir.isEmpty() && Path.of(dir, program).toFile().canExecute());
    }

    private record Result(List<String> command, int exitCode, String output) {
    }
}
