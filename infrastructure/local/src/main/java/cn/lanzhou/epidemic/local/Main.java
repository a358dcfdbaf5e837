package cn.lanzhou.epidemic.local;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./dev up [--port N] [--data DIR | --in-memory]}: starts the local stack and keeps it up
 * until Ctrl-C or SIGTERM, which stop everything it started.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        String portVariable = System.getenv("PORT");
        int port = portVariable == null || portVariable.isBlank() ? 3000 : Integer.parseInt(portVariable);
        Path data = Path.of(".local");
        boolean inMemory = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(argument(args, ++i));
                case "--data" -> data = Path.of(argument(args, ++i));
                case "--in-memory" -> inMemory = true;
                case "-h", "--help" -> {
                    usage();
                    return;
                }
                default -> {
                    System.err.println("unknown option " + args[i]);
                    usage();
                    System.exit(2);
                }
            }
        }
        LocalStack.Options options = inMemory ? LocalStack.Options.inMemory() : LocalStack.Options.persistent(data.toAbsolutePath());
        long started = System.nanoTime();
        LocalStack stack = LocalStack.start(options.port(port));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("[local] stopping");
            stack.close();
            stopped.countDown();
        }, "local-stack-stop"));

        System.out.println();
        System.out.println("Local stack ready in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        System.out.println("  API and web forms: " + stack.baseUrl());
        System.out.println("  DynamoDB (dynalite): " + stack.dynamoDbEndpoint());
        System.out.println("  S3 (S3Proxy):        " + stack.s3Endpoint() + "  key " + LocalStack.ACCESS_KEY_ID + " / " + LocalStack.SECRET_ACCESS_KEY);
        System.out.println("  data:                " + (inMemory ? "in memory" : data.toAbsolutePath()));
        System.out.println("  staff token (12 h):");
        System.out.println(stack.staffToken());
        System.out.println("  try: curl " + stack.baseUrl() + "/districts");
        System.out.println("Ctrl-C stops everything.");
        stopped.await();
    }

    private static String argument(String[] args, int i) {
        if (i >= args.length) {
            usage();
            System.exit(2);
        }
        return args[i];
    }

    private static void usage() {
        System.err.println("usage: ./dev up [--port N (default 3000, env PORT)] [--data DIR (default .local/) | --in-memory]");
    }
}
