package org.hackablemail.launcher;

import java.io.IOException;
import java.util.List;

/** The demo's mailbox owners. Their domain, demo.test, is declared in james-conf/domainlist.xml. */
public final class DemoUsers {
    public static final String DOMAIN = "demo.test";
    public static final String PASSWORD = "demo";
    public static final List<String> ADDRESSES = List.of("alice@" + DOMAIN, "bob@" + DOMAIN);

    private DemoUsers() {
    }

    /** Creates the users, or resets their password: the memory James forgets users when it stops. */
    public static void provision(WebAdminClient webAdmin) throws IOException, InterruptedException {
        for (String address : ADDRESSES) {
            webAdmin.upsertUser(address, PASSWORD);
        }
    }
}
