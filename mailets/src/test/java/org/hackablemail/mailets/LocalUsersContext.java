package org.hackablemail.mailets;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Set;

import org.apache.james.core.MailAddress;
import org.apache.mailet.MailetContext;
import org.apache.mailet.base.test.FakeMailContext;

/** James's fake mailet context, whose {@code isLocalEmail} knows no user, with some local users. */
final class LocalUsersContext {
    private LocalUsersContext() {
    }

    static MailetContext of(FakeMailContext context, Set<MailAddress> localUsers) {
        return (MailetContext) Proxy.newProxyInstance(MailetContext.class.getClassLoader(),
            new Class<?>[] {MailetContext.class}, (proxy, method, arguments) -> {
                if (method.getName().equals("isLocalEmail")) {
                    return localUsers.contains((MailAddress) arguments[0]);
                }
                try {
                    return method.invoke(context, arguments);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            });
    }
}
