package cn.lanzhou.epidemic.local;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the local stack once per test JVM (in memory, free ports), shared by every test class
 * that uses it, and closes it when the run ends. Injects {@link Api} and {@link LocalStack}
 * into constructors, lifecycle methods and test methods:
 * <pre>
 * &#64;ExtendWith(LocalStackExtension.class)
 * class RegistrationContractTest {
 *     &#64;Test void registersAPerson(Api api) { ... api.postJson("/registrations", json) ... }
 * }
 * </pre>
 */
public final class LocalStackExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalStackExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Api.class || type == LocalStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        LocalStack stack = stack(context);
        return parameter.getParameter().getType() == Api.class ? new Api(stack.baseUrl()) : stack;
    }

    /** The one stack of this test run, started on first use; the root store closes it at the end. */
    public static LocalStack stack(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(LocalStack.class, key -> {
            try {
                return LocalStack.start(LocalStack.Options.inMemory());
            } catch (Exception e) {
                throw new IllegalStateException("the local stack did not start", e);
            }
        }, LocalStack.class);
    }
}
