package org.hackablemail.mailets;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

import org.hackablemail.core.store.StorageUnavailableException;

/** Turns a real store off and on: while {@link #down}, every call fails as an unreachable store does. */
final class StoreSwitch {
    volatile boolean down;

    <T> T wrap(Class<T> type, T store) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
            (proxy, method, arguments) -> {
                if (down) {
                    throw new StorageUnavailableException("the test switched the store off", null);
                }
                try {
                    return method.invoke(store, arguments);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }));
    }
}
