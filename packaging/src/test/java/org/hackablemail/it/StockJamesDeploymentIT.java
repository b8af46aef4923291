package org.hackablemail.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Pattern;

import org.apache.james.utils.SMTPMessageSender;
import org.awaitility.Awaitility;
import org.hackablemail.launcher.DemoUsers;
import org.hackablemail.launcher.ServerPorts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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

    /**
     * What an admin reads in james.log with the demo's logback.xml: a plugin's own log line at INFO under
     * org.hackablemail.plugin.log, naming the owner and the message; no colour codes, and no terminal escape in the
     * bundle's lines even from a Message-ID that carries one (James's own lines write that Message-ID as it came).
     */
    @Test
    void pluginLogLinesShouldReachJamesLogAtInfoWithoutEscapeCodes() throws Exception {
        String owner = "log-owner@demo.test";
        webAdmin().upsertUser(owner, DemoUsers.PASSWORD);
        HttpResponse<String> installed = webAdmin().put("/hackable/plugins/" + owner,
            ExamplePlugins.SUBJECT_BLOCKER_C.wasm(), "application/wasm");
        assertThat(installed.statusCode()).as(installed.body()).isEqualTo(201);

        try (SMTPMessageSender smtp = SMTPMessageSender.noAuthentication("127.0.0.1", ports().smtp(), "outside.example")) {
            smtp.sendMessageWithHeaders("stranger@outside.example", owner, "From: stranger@outside.example\r\nTo: "
                + owner + "\r\nMessage-ID: <\u001b[31mred@outside.example>\r\nSubject: Hello\r\n\r\nHi\r\n");
        }

        Awaitility.await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> assertThat(james.log())
            .containsPattern("\\[INFO ?\\] \\S*plugin\\.log - \\[" + Pattern.quote(owner)
                + "\\] \\S*\\\\u001b\\[31mred@outside\\.example\\S* warn: config blocked_subjects is not set"));
        String log = james.log();
        assertThat(log.lines().filter(line -> line.contains(" o.h.")))
            .as("the bundle's lines").isNotEmpty().noneMatch(line -> line.contains("\u001b"));
        assertThat(log.replace("<\u001b[31mred@outside.example>", "<red@outside.example>"))
            .as("no colour codes: the only escape is the raw Message-ID in James's own lines").doesNotContain("\u001b");
    }
}
