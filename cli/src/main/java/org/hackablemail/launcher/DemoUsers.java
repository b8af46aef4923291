package org.hackablemail.launcher;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

/** The demo's mailbox owners. Their domain, demo.test, is declared in james-conf/domainlist.xml. */
public final class DemoUsers {
    public static final String DOMAIN = "demo.test";
    public static final String PASSWORD = "demo";
    public static final List<String> ADDRESSES = List.of("alice@" + DOMAIN, "bob@" + DOMAIN);
    /**
     * The Bayes training addresses of james-conf/mailetcontainer.xml. They are users only so that James's SMTP server
     * accepts them; BayesianTrainer never delivers to them, and their password is random.
     */
    public static final List<String> TRAINING_ADDRESSES = List.of("spam@" + DOMAIN, "ham@" + DOMAIN);
    /** The IT address of james-conf/mailetcontainer.xml, where signup requests go; InviteMailet never delivers them. */
    public static final String IT_ADDRESS = "it@" + DOMAIN;

    private DemoUsers() {
    }

    /** Creates the users, training and IT addresses, or resets their password: the memory James forgets users when it stops. */
    public static void provision(WebAdminClient webAdmin) throws IOException, InterruptedException {
        for (String address : ADDRESSES) {
            webAdmin.upsertUser(address, PASSWORD);
        }
        for (String address : TRAINING_ADDRESSES) {
            webAdmin.upsertUser(address, UUID.randomUUID().toString());
        }
        webAdmin.upsertUser(IT_ADDRESS, UUID.randomUUID().toString());
    }
}
