package org.hackablemail.plugins;

import org.apache.james.core.MailAddress;
import org.hackablemail.core.Owner;

/** Where James's addresses become the bundle's {@link Owner}s: the mailets, matchers and routes go through here. */
public final class JamesOwners {
    private JamesOwners() {
    }

    public static Owner of(MailAddress address) {
        return Owner.of(address.asString());
    }
}
