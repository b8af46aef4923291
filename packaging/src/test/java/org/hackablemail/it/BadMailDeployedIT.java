package org.hackablemail.it;

import org.junit.jupiter.api.AfterAll;

/**
 * The bad-mail suite against the bundle as an admin deploys it (a stock James 3.8.1 in its own JVM, the extension jar
 * in extensions-jars/): the snapshot's parsers are James's own mime4j and jsoup there, and its timings are the
 * deployed figures.
 */
class BadMailDeployedIT extends BadMailContract {
    private StockJamesNode james;

    private boolean started;

    /** Started on first use, as the contract's own set-up already sends mail; kept even when it fails to start. */
    @Override
    protected RunningJames james() throws Exception {
        if (!started) {
            started = true;
            james = new StockJamesNode("bad-mail", conf -> {
            });
            james.start();
        }
        return james;
    }

    @AfterAll
    void stopJames() throws InterruptedException {
        if (james != null) {
            james.close();
        }
    }
}
