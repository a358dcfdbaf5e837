package cn.lanzhou.epidemic.local.runtime;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every function's {@link ContainerPool}, by logical id; closing it stops every container. */
public final class FunctionContainers implements FunctionInvoker, AutoCloseable {
    /** Containers per function; Lambda's per-function concurrency is far higher, a laptop's memory is not. */
    public static final int DEFAULT_MAXIMUM = 4;

    private final Map<String, ContainerPool> pools = new LinkedHashMap<>();
    private final FunctionLogs logs;

    public FunctionContainers(List<ContainerSpec> specs, int maximumPerFunction, Credentials credentials, FunctionLogs logs) {
        this.logs = logs;
        for (ContainerSpec spec : specs) {
            pools.put(spec.functionId(), new ContainerPool(spec, maximumPerFunction, credentials, logs));
        }
    }

    @Override
    public boolean exists(String functionId) {
        return pools.containsKey(functionId);
    }

    /** Runs one invocation in an idle or new container of the function and waits for its outcome. */
    @Override
    public Outcome invoke(String functionId, byte[] payload) throws InterruptedException {
        ContainerPool pool = pools.get(functionId);
        if (pool == null) {
            throw new IllegalArgumentException("no function " + functionId);
        }
        return pool.invoke(payload);
    }

    /** The process ids of the function's running containers. */
    public List<Long> pids(String functionId) {
        return pools.get(functionId).pids();
    }

    public FunctionLogs logs() {
        return logs;
    }

    @Override
    public void close() {
        pools.values().forEach(ContainerPool::close);
    }
}
