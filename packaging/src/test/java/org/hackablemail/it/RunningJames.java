package org.hackablemail.it;

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
}
