package cn.lanzhou.epidemic.local.runtime;

/** Runs a function with a JSON payload and waits for its outcome, as Lambda's Invoke does. */
public interface FunctionInvoker {
    boolean exists(String functionId);

    Outcome invoke(String functionId, byte[] payload) throws InterruptedException;
}
