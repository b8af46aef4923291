package org.hackablemail.it;

import org.hackablemail.launcher.ServerPorts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The bundle as an admin deploys it: a stock James 3.8.1 in its own JVM, james-conf/ as its conf/, and nothing of
 * ours but the built extension jar in extensions-jars/. Proves the jar works behind James's parent-first class loader.
 */
class StockJamesDeploymentIT extends HackableMailServerContract {
    private static StockJamesNode james;

    @BeforeAll
    static void startJames() throws Exception {
        james = new StockJamesNode("stock-james", conf -> {
        }).start();
    }

    @AfterAll
    static void stopJames() throws Exception {
        if (james != null) {
            james.close();
        }
    }

    @Override
    protected ServerPorts ports() {
        return james.ports();
    }

    @Override
    protected String adminToken() {
        return james.adminToken();
    }
}
