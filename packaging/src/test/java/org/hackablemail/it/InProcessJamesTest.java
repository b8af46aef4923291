package org.hackablemail.it;

import org.apache.james.JamesServerExtension;
import org.hackablemail.launcher.DemoUsers;
import org.hackablemail.launcher.ServerPorts;
import org.hackablemail.launcher.WebAdminClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

class InProcessJamesTest extends HackableMailServerContract {
    private static final InProcessJames JAMES = new InProcessJames();

    @RegisterExtension
    static JamesServerExtension server = JAMES.extension();

    @BeforeAll
    static void provisionUsers() throws Exception {
        DemoUsers.provision(WebAdminClient.onLoopback(JAMES.ports().webAdmin(), JAMES.adminToken()));
    }

    @Override
    protected ServerPorts ports() {
        return JAMES.ports();
    }

    @Override
    protected String adminToken() {
        return JAMES.adminToken();
    }
}
