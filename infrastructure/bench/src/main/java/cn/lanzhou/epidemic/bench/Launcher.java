package cn.lanzhou.epidemic.bench;

import cn.lanzhou.epidemic.local.LocalStack;
import cn.lanzhou.epidemic.local.runtime.ContainerSpec;
import cn.lanzhou.epidemic.local.runtime.JvmOptions;
import cn.lanzhou.epidemic.local.runtime.TimedRuntime;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Starts a function, or the floor, as the local stack starts its containers: the stack's container
 * spec (the deployment jar then the runtime interface client, the JVM options of the managed
 * runtime for the memory size, the template's JAVA_TOOL_OPTIONS in the environment, credentials from
 * the container-credentials endpoint), optionally at another memory size and held to its CPU share.
 * The floor is the same JVM with {@code TrivialHandler} in place of the function's jar.
 */
final class Launcher {
    static final String FLOOR_HANDLER = "cn.lanzhou.epidemic.bench.driver.TrivialHandler::handleRequest";
    private static final List<String> SIZED = List.of("-XX:MaxHeapSize=", "-XX:MaxMetaspaceSize=", "-XX:ReservedCodeCacheSize=");

    /** How to run: memory size, CPU share (null: the whole machine), SnapStart's init or on-demand, extra JVM options. */
    record Setup(int memoryMb, Double vcpus, boolean snapStart, List<String> jvmOptions) {
        static Setup of(Functions.Function f, boolean quota) {
            return new Setup(f.memoryMb(), quota ? CpuQuota.vcpus(f.memoryMb()) : null, false, List.of());
        }

        Setup withJvmOptions(List<String> options) {
            return new Setup(memoryMb, vcpus, snapStart, options);
        }

        Setup snapStarted() {
            return new Setup(memoryMb, vcpus, true, jvmOptions);
        }
    }

    private final LocalStack stack;
    private final Path driverJar;
    private final Path work;

    Launcher(LocalStack stack, Path driverJar, Path work) {
        this.stack = stack;
        this.driverJar = driverJar;
        this.work = work;
    }

    TimedRuntime start(Functions.Function f, boolean floor, Setup setup) throws IOException {
        ContainerSpec spec = stack.containerSpec(f.id());
        List<String> command = new ArrayList<>();
        command.add(CpuQuota.launcher(spec.java(), setup.vcpus(), work).toString());
        boolean aot = setup.jvmOptions().stream().anyMatch(o -> o.startsWith("-XX:AOTCache"));
        // the AOT cache is the class data sharing archive: -Xshare is refused beside it
        command.addAll(resized(spec.jvmOptions(), setup.memoryMb()).stream().filter(o -> !(aot && o.startsWith("-Xshare:"))).toList());
        command.addAll(setup.jvmOptions());
        if (System.getenv("BENCH_JAVA_OPTIONS") != null) { // diagnostics only
            command.addAll(List.of(System.getenv("BENCH_JAVA_OPTIONS").trim().split("\\s+")));
        }
        List<Path> classPath = new ArrayList<>(spec.classPath());
        if (floor) {
            classPath.set(0, driverJar);
        }
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classPath.stream().map(Path::toString).toList()));
        command.add(ContainerSpec.RUNTIME_MAIN);
        command.add(floor ? FLOOR_HANDLER : spec.handler());
        Map<String, String> env = new TreeMap<>(stack.processEnvironment(f.id()));
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(setup.memoryMb()));
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", setup.snapStart() ? "snap-start" : "on-demand");
        if (floor) {
            env.put("_HANDLER", FLOOR_HANDLER);
        }
        return TimedRuntime.start(command, env, spec.taskRoot());
    }

    /** One cold start: a new JVM, the probe as its first request; the time from process start to the answer. */
    TimedRuntime.Timing once(Functions.Function f, boolean floor, Setup setup) throws IOException, InterruptedException {
        try (TimedRuntime runtime = start(f, floor, setup)) {
            TimedRuntime.Timing timing = runtime.invoke(f.probe().freshEvent());
            if (!timing.ok() || !(floor || f.probe().succeeded(timing.answer()))) {
                throw new IllegalStateException((floor ? "floor for " : "") + f.name() + ": the first request did not succeed: "
                        + timing.answer());
            }
            return timing;
        } finally {
            CpuQuota.cleanUp();
        }
    }

    /** The managed runtime's heap, metaspace and code cache options for another memory size. */
    static List<String> resized(List<String> options, int memoryMb) {
        List<String> out = new ArrayList<>(JvmOptions.forMemory(memoryMb, "-Dunused").subList(0, SIZED.size()));
        options.stream().filter(o -> SIZED.stream().noneMatch(o::startsWith)).forEach(out::add);
        return out;
    }
}
