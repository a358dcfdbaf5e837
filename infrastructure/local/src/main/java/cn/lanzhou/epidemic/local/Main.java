package cn.lanzhou.epidemic.local;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./dev up [--port N] [--host ADDRESS] [--data DIR | --in-memory]}: starts the local stack and keeps it up
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
        String host = "127.0.0.1";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(argument(args, ++i));
                case "--data" -> data = Path.of(argument(args, ++i));
                case "--in-memory" -> inMemory = true;
                case "--host" -> host = argument(args, ++i);
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
        LocalStack stack = LocalStack.start(options.port(port).host(host));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("[local] stopping (containers, dynalite, S3Proxy, the OpenID Connect provider)");
            stack.close();
            stopped.countDown();
        }, "local-stack-stop"));

        System.out.println();
        System.out.println("Local stack ready in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        System.out.println("  API and web forms: " + stack.baseUrl() + (host.equals("127.0.0.1") ? "" : "  (listening on " + host + ")"));
        System.out.println("  functions:           a JVM per container, started on first use (logs below, [FunctionId] in front)");
        System.out.println("  DynamoDB (dynalite): " + stack.dynamoDbEndpoint());
        System.out.println("  S3 (S3Proxy):        " + stack.s3Endpoint() + "  key " + LocalStack.ACCESS_KEY_ID + " / " + LocalStack.SECRET_ACCESS_KEY);
        System.out.println("  data:                " + (inMemory ? "in memory" : data.toAbsolutePath()));
        System.out.println("  staff sign-in:       " + stack.baseUrl() + "/staff.html → 统一身份认证登录, at the local OpenID Connect provider "
                + stack.oidcProvider().issuer());
        System.out.println("                       users " + String.join(", ", OidcProvider.USERS) + ", password " + OidcProvider.PASSWORD);
        System.out.println("  staff token for scripts (12 h; ./dev token prints another):");
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
        System.err.println("usage: ./dev up [--port N (default 3000, env PORT)] [--host ADDRESS (default 127.0.0.1)]"
                + " [--data DIR (default .local/) | --in-memory]");
    }
}
