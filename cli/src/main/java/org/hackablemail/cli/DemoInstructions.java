package org.hackablemail.cli;

import org.hackablemail.launcher.DemoUsers;
import org.hackablemail.launcher.JamesHome;
import org.hackablemail.launcher.ServerPorts;

/** What the demo prints once James is up: how to send, read and administer. */
final class DemoInstructions {
    private DemoInstructions() {
    }

    static String render(ServerPorts ports, JamesHome home) {
        String alice = DemoUsers.ADDRESSES.get(0);
        String bob = DemoUsers.ADDRESSES.get(1);
        return String.join("\n",
            "",
            "James is running with Hackable Mail. Users: " + alice + " and " + bob + ", password '" + DemoUsers.PASSWORD + "'.",
            "",
            "  SMTP (MX, no auth)      127.0.0.1:" + ports.smtp(),
            "  SMTP submission (auth)  127.0.0.1:" + ports.submission(),
            "  IMAP (plain login ok)   127.0.0.1:" + ports.imap(),
            "  webadmin (JWT)          http://127.0.0.1:" + ports.webAdmin(),
            "",
            "Send a mail to " + bob + ":",
            "  swaks --server 127.0.0.1:" + ports.smtp() + " --from someone@example.org --to " + bob + " --header 'Subject: Hello'",
            "Send as " + alice + " through submission:",
            "  swaks --server 127.0.0.1:" + ports.submission() + " --auth PLAIN --auth-user " + alice
                + " --auth-password " + DemoUsers.PASSWORD + " --from " + alice + " --to " + bob,
            "Read " + bob + "'s inbox:",
            "  curl -s --user " + bob + ":" + DemoUsers.PASSWORD + " 'imap://127.0.0.1:" + ports.imap() + "/INBOX;UID=1'",
            "Bundle status (admin token in " + home.root().resolve("admin.token") + "):",
            "  curl -s -H \"Authorization: Bearer $(cat " + home.root().resolve("admin.token") + ")\" http://127.0.0.1:"
                + ports.webAdmin() + "/hackable/status",
            "",
            "Press Ctrl-C to stop. Mailboxes live in memory; plugins and other bundle data stay in " + home.root() + ".");
    }
}
