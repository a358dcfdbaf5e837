package cn.lanzhou.epidemic.local.runtime;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How to start one function's containers: the JVM, its options and class path (the deployment jar,
 * then the runtime interface client), the handler string, the environment every container of the
 * function shares, its task root and its timeout.
 */
public record ContainerSpec(String functionId, String functionArn, String handler, Path java, List<String> jvmOptions,
        List<Path> classPath, Map<String, String> environment, Path taskRoot, Duration timeout) {
    /** The runtime interface client's entry point, as the managed Java runtime starts it. */
    public static final String RUNTIME_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

    public ContainerSpec {
        jvmOptions = List.copyOf(jvmOptions);
        classPath = List.copyOf(classPath);
        environment = Map.copyOf(environment);
    }

    /** The same function with another timeout (tests) or other variables. */
    public ContainerSpec withTimeout(Duration newTimeout) {
        return new ContainerSpec(functionId, functionArn, handler, java, jvmOptions, classPath, environment, taskRoot, newTimeout);
    }

    public ContainerSpec withEnvironment(Map<String, String> newEnvironment) {
        return new ContainerSpec(functionId, functionArn, handler, java, jvmOptions, classPath, newEnvironment, taskRoot, timeout);
    }

    List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classPath.stream().map(Path::toString).toList()));
        command.add(RUNTIME_MAIN);
        command.add(handler);
        return command;
    }
}
