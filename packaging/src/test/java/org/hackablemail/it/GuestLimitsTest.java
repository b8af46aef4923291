package org.hackablemail.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.james.JamesServerExtension;
import org.hackablemail.launcher.DemoUsers;
import org.hackablemail.launcher.WebAdminClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The guest endpoint's limits through a real James whose invites expire at once and whose guest endpoint takes five
 * requests a minute from one client. The expired code is tried first, while the client is still under its limit.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GuestLimitsTest {
    private static final String OWNER = "expired@demo.test";
    private static final int REQUESTS_PER_MINUTE = 5;
    private static final InProcessJames JAMES = new InProcessJames(GuestLimitsTest::limits);

    @RegisterExtension
    static JamesServerExtension server = JAMES.extension();

    private static WebAdminClient webAdmin;
    private static WebAdminClient anonymous;
    private static Mailboxes mailboxes;

    private static void limits(Path conf) throws IOException {
        replace(conf.resolve("mailetcontainer.xml"), "<codeValidity>7 days</codeValidity>",
            "<codeValidity>1ms</codeValidity>");
        replace(conf.resolve("hackable-mail.properties"), "guest.requests.per.minute=60",
            "guest.requests.per.minute=" + REQUESTS_PER_MINUTE);
    }

    private static void replace(Path file, String setting, String replacement) throws IOException {
        String original = Files.readString(file);
        assertThat(original).as(file.toString()).contains(setting);
        Files.writeString(file, original.replace(setting, replacement));
    }

    @BeforeAll
    static void setUp() throws Exception {
        webAdmin = JAMES.webAdmin();
        anonymous = WebAdminClient.onLoopback(JAMES.ports().webAdmin(), "none");
        mailboxes = JAMES.mailboxes();
        webAdmin.upsertUser(DemoUsers.IT_ADDRESS, DemoUsers.PASSWORD);
        webAdmin.upsertUser(OWNER, DemoUsers.PASSWORD);
    }

    @Test
    @Order(1)
    void anExpiredCodeShouldBeRefusedAndMakeNoGuest() throws Exception {
        mailboxes.send(OWNER, List.of(DemoUsers.IT_ADDRESS), "/hackablemail signup", "please");
        Matcher code = Pattern.compile("Your invite code: (\\S+)").matcher(mailboxes.awaitMessages(OWNER, 1));
        assertThat(code.find()).isTrue();

        HttpResponse<String> refused = anonymous.post("/hackable-guest/redeem", "{\"code\": \"" + code.group(1) + "\"}");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).startsWith("{\"statusCode\":400,\"type\":\"InvalidArgument\",\"message\":\"This invite "
            + "code is unknown, expired or already used: mail the IT address again for a new one\"");
        assertThat(webAdmin.get("/hackable/guests").body()).isEqualTo("[]");
    }

    @Test
    @Order(2)
    void aClientOverItsLimitShouldGet429() throws Exception {
        HttpResponse<String> last = null;
        for (int request = 0; request <= REQUESTS_PER_MINUTE; request++) {
            last = anonymous.get("/hackable-guest/plugin");
        }

        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.body()).startsWith("{\"statusCode\":429,\"type\":\"InvalidArgument\",\"message\":\"Too many "
            + "requests from 127.0.0.1: try again in a minute\"");
    }
}
