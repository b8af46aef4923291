package org.hackablemail.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hackablemail.launcher.DemoUsers;
import org.hackablemail.launcher.WebAdminClient;

/** Self-service onboarding as an owner goes through it: a signup mail, the invite in the inbox, its redemption. */
final class Invites {
    private static final Pattern CODE = Pattern.compile("Your invite code: (\\S+)");
    private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");

    private final InProcessJames james;
    private final Mailboxes mailboxes;

    Invites(InProcessJames james) throws Exception {
        this.james = james;
        this.mailboxes = james.mailboxes();
        james.webAdmin().upsertUser(DemoUsers.IT_ADDRESS, DemoUsers.PASSWORD);
    }

    /** An invite code mailed to the address, read from its inbox (which must hold nothing else yet). */
    String code(String address) throws Exception {
        mailboxes.send(address, List.of(DemoUsers.IT_ADDRESS), "/hackablemail signup", "please");
        return codeIn(mailboxes.awaitMessages(address, 1));
    }

    /** The code an invite mail carries. */
    static String codeIn(String invite) {
        Matcher code = CODE.matcher(invite);
        assertThat(code.find()).as(invite).isTrue();
        return code.group(1);
    }

    HttpResponse<String> redeem(String code) throws Exception {
        return WebAdminClient.onLoopback(james.ports().webAdmin(), "none")
            .post("/hackable-guest/redeem", "{\"code\": \"" + code + "\"}");
    }

    /** A push token of the address, from a fresh invite. */
    String token(String address) throws Exception {
        return tokenIn(redeem(code(address)));
    }

    /** The push token a redemption answered. */
    static String tokenIn(HttpResponse<String> redeemed) {
        Matcher token = TOKEN.matcher(redeemed.body());
        assertThat(token.find()).as(redeemed.body()).isTrue();
        return token.group(1);
    }

    /** A client of the guest endpoint with a push token of the address. */
    WebAdminClient guest(String address) throws Exception {
        return WebAdminClient.onLoopback(james.ports().webAdmin(), token(address));
    }
}
