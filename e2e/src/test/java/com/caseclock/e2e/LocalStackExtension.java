package com.caseclock.e2e;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests the one {@link LocalStack} of the test run: started by the first test class that asks for it, shared
 * by every later class, and closed (everything stopped, databases dropped) when the whole run ends - also when tests
 * fail. Ask for it as a parameter of a {@code @BeforeAll}, constructor or test method:
 *
 * <pre>
 * &#64;ExtendWith(LocalStackExtension.class)
 * class MyIT {
 *     static LocalStack stack;
 *
 *     &#64;BeforeAll
 *     static void stack(LocalStack s) { stack = s; }
 * }
 * </pre>
 */
public final class LocalStackExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalStackExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // the root context's store lives until the end of the run and closes AutoCloseable values then
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(LocalStack.class, k -> LocalStack.start(),
                LocalStack.class);
    }
}
