package org.hackablemail.it;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

import org.hackablemail.launcher.DemoUsers;
import org.hackablemail.launcher.ServerPorts;
import org.hackablemail.launcher.WebAdminClient;

/** A James the end-to-end tests talk to, in-process or in a JVM of its own: its ports and an admin's token. */
interface RunningJames {
    ServerPorts ports();

    String adminToken();

    default WebAdminClient webAdmin() {
        return WebAdminClient.onLoopback(ports().webAdmin(), adminToken());
    }

    default Mailboxes mailboxes() {
        return new Mailboxes(ports());
    }

    /** A new local user, its name unique in the run, so that each test reads an inbox of its own. */
    default String newUser(String prefix) throws IOException, InterruptedException {
        String address = prefix + Users.COUNT.incrementAndGet() + "@demo.test";
        webAdmin().upsertUser(address, DemoUsers.PASSWORD);
        return address;
    }

    /** Numbers the users {@link #newUser} creates, whichever James they are created in. */
    final class Users {
        private static final AtomicInteger COUNT = new AtomicInteger();

        private Users() {
        }
    }
}
