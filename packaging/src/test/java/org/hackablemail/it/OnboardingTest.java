package org.hackablemail.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.james.JamesServerExtension;
import org.hackablemail.launcher.DemoUsers;
import org.hackablemail.launcher.WebAdminClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Self-service onboarding through a real James: a signup mail to the IT address, the invite in the sender's IMAP
 * inbox, redeeming it over HTTP, managing the plugin with the push token; and what a user sees when something is
 * wrong, each changing nothing.
 */
class OnboardingTest {
    private static final InProcessJames JAMES = new InProcessJames();
    private static final String PLUGIN = "/hackable-guest/plugin";
    private static final String INVALID_CODE = "{\"statusCode\":400,\"type\":\"InvalidArgument\",\"message\":\"This "
        + "invite code is unknown, expired or already used: mail the IT address again for a new one\"";
    private static final String INVALID_TOKEN = "{\"statusCode\":401,\"type\":\"InvalidArgument\",\"message\":\"Missing, "
        + "invalid or revoked push token: send 'Authorization: Bearer <token>' with the token you got for your invite\"";

    @RegisterExtension
    static JamesServerExtension server = JAMES.extension();

    private static WebAdminClient webAdmin;
    private static Mailboxes mailboxes;
    private static Invites invites;
    private String owner;
    private String other;

    @BeforeAll
    static void setUp() throws Exception {
        webAdmin = JAMES.webAdmin();
        mailboxes = JAMES.mailboxes();
        invites = new Invites(JAMES);
    }

    @BeforeEach
    void newUsers() throws Exception {
        owner = JAMES.newUser("guest");
        other = JAMES.newUser("other");
    }

    @Test
    void anOwnerShouldSignUpPushRollBackAndDeleteTheirPluginWithoutAnAdmin() throws Exception {
        mailboxes.send(owner, List.of(DemoUsers.IT_ADDRESS), "/HackableMail   signup", "please");
        String code = Invites.codeIn(mailboxes.awaitMessages(owner, 1));

        HttpResponse<String> redeemed = invites.redeem(code);
        String token = Invites.tokenIn(redeemed);
        WebAdminClient guest = WebAdminClient.onLoopback(JAMES.ports().webAdmin(), token);
        HttpResponse<String> pushed = guest.put(PLUGIN, ExamplePlugins.SUBJECT_TAGGER_WAT.wasm(), "application/wasm");
        mailboxes.send(other, List.of(owner), "Tagged", "by the pushed plugin");

        assertThat(redeemed.statusCode()).isEqualTo(201);
        assertThat(redeemed.body()).startsWith("{\"address\":\"" + owner + "\",\"token\":\"hmt_");
        assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(201);
        assertThat(pushed.body()).contains("\"owner\":\"" + owner + "\",\"version\":1", "\"pushedBy\":\"" + owner + "\"");
        assertThat(mailboxes.awaitLastMessage(owner, 2)).contains("Subject: [tagged] Tagged");

        guest.put(PLUGIN, ExamplePlugins.DROP.wasm(), "application/wasm");
        HttpResponse<String> rolledBack = guest.post(PLUGIN + "/versions/1/activate");
        mailboxes.send(other, List.of(owner), "Rolled back", "tagged again");

        assertThat(rolledBack.statusCode()).as(rolledBack.body()).isEqualTo(200);
        assertThat(mailboxes.awaitLastMessage(owner, 3)).contains("Subject: [tagged] Rolled back");
        assertThat(guest.get(PLUGIN + "/versions").body()).contains("\"version\":1", "\"version\":2");

        HttpResponse<String> deleted = guest.delete(PLUGIN);
        mailboxes.send(other, List.of(owner), "Untouched", "no plugin any more");

        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(mailboxes.awaitLastMessage(owner, 4)).contains("Subject: Untouched");
        assertThat(webAdmin.get("/hackable/plugins/" + owner).statusCode()).isEqualTo(404);
        assertThat(webAdmin.get("/hackable/plugins/audit?owner=" + owner).body())
            .contains("\"actor\":\"" + owner + "\",\"owner\":\"" + owner + "\",\"action\":\"push\"");
    }

    @Test
    void aSignupMailShouldNotReachTheItAddress() throws Exception {
        mailboxes.send(owner, List.of(DemoUsers.IT_ADDRESS), "/hackablemail signup", "please");

        assertThat(mailboxes.awaitMessages(owner, 1)).contains("Subject: Your Hackable Mail invite",
            "From: " + DemoUsers.IT_ADDRESS);
        assertThat(mailboxes.messageCount(DemoUsers.IT_ADDRESS)).isZero();
    }

    @Test
    void aForgedSignupShouldSendTheInviteToTheRealOwnerOnly() throws Exception {
        mailboxes.send(owner, List.of(DemoUsers.IT_ADDRESS, other), "/hackablemail signup", "forged by someone else");

        assertThat(mailboxes.awaitMessages(owner, 1)).contains("Subject: Your Hackable Mail invite");
        assertThat(mailboxes.awaitMessages(other, 1)).contains("forged by someone else").doesNotContain("invite code");
    }

    @Test
    void aReusedCodeShouldBeRefusedAndGiveNoSecondToken() throws Exception {
        String code = invites.code(owner);
        invites.redeem(code);

        HttpResponse<String> refused = invites.redeem(code);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).startsWith(INVALID_CODE);
        assertThat(webAdmin.get("/hackable/guests").body()).contains("{\"address\":\"" + owner + "\",\"tokens\":1}");
    }

    @Test
    void anUnknownCodeShouldBeRefusedLikeAUsedOne() throws Exception {
        HttpResponse<String> refused = invites.redeem("hmi_guessed");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).startsWith(INVALID_CODE);
    }

    @Test
    void aTokenShouldOnlyEverReachItsOwnAddress() throws Exception {
        WebAdminClient ownerGuest = invites.guest(owner);
        ownerGuest.put(PLUGIN, ExamplePlugins.SUBJECT_TAGGER_WAT.wasm(), "application/wasm");
        WebAdminClient otherGuest = invites.guest(other);

        HttpResponse<String> otherVersions = otherGuest.get(PLUGIN + "/versions");
        HttpResponse<String> otherDelete = otherGuest.delete(PLUGIN);

        assertThat(otherVersions.body()).isEqualTo("[]");
        assertThat(otherDelete.statusCode()).isEqualTo(404);
        assertThat(otherDelete.body()).contains("\"message\":\"" + other + " has no plugin\"");
        assertThat(ownerGuest.get(PLUGIN + "/versions").body()).contains("\"version\":1");
    }

    @Test
    void aWrongOrRevokedTokenShouldBeRefusedWith401() throws Exception {
        WebAdminClient revoked = invites.guest(owner);
        webAdmin.delete("/hackable/guests/" + owner + "/tokens");

        HttpResponse<String> afterRevocation = revoked.put(PLUGIN, ExamplePlugins.DROP.wasm(), "application/wasm");
        HttpResponse<String> adminToken = webAdmin.get(PLUGIN);

        assertThat(afterRevocation.statusCode()).isEqualTo(401);
        assertThat(afterRevocation.body()).startsWith(INVALID_TOKEN);
        assertThat(adminToken.statusCode()).isEqualTo(401);
        assertThat(webAdmin.get("/hackable/plugins/" + owner).statusCode()).isEqualTo(404);
    }

    @Test
    void aTokenShouldBeRefusedOnceItsAddressIsNoLongerAJamesUser() throws Exception {
        WebAdminClient guest = invites.guest(owner);
        assertThat(guest.get(PLUGIN).statusCode()).isNotEqualTo(401);

        HttpResponse<String> removed = webAdmin.delete("/users/" + owner);

        assertThat(removed.statusCode()).isEqualTo(204);
        assertThat(guest.get(PLUGIN).statusCode()).isEqualTo(401);
        assertThat(guest.put(PLUGIN, ExamplePlugins.DROP.wasm(), "application/wasm").statusCode()).isEqualTo(401);
    }

    @Test
    void removingAGuestShouldRevokeItsTokens() throws Exception {
        WebAdminClient guest = invites.guest(owner);

        HttpResponse<String> removed = webAdmin.delete("/hackable/guests/" + owner);
        HttpResponse<String> removedAgain = webAdmin.delete("/hackable/guests/" + owner);

        assertThat(removed.statusCode()).isEqualTo(204);
        assertThat(guest.get(PLUGIN).statusCode()).isEqualTo(401);
        assertThat(removedAgain.statusCode()).isEqualTo(404);
        assertThat(removedAgain.body()).contains("\"message\":\"" + owner + " is not a guest\"");
        assertThat(webAdmin.get("/hackable/guests").body()).doesNotContain(owner);
    }

    @Test
    void adminsShouldAddOnlyLocalUsersAsGuests() throws Exception {
        HttpResponse<String> added = webAdmin.put("/hackable/guests/" + other, new byte[0], "application/json");
        HttpResponse<String> stranger = webAdmin.put("/hackable/guests/nobody@demo.test", new byte[0], "application/json");

        assertThat(added.statusCode()).isEqualTo(204);
        assertThat(webAdmin.get("/hackable/guests").body()).contains("{\"address\":\"" + other + "\",\"tokens\":0}");
        assertThat(stranger.statusCode()).isEqualTo(404);
        assertThat(stranger.body()).contains("\"message\":\"nobody@demo.test is not a local user\"");
        assertThat(webAdmin.get("/hackable/guests").body()).doesNotContain("nobody@demo.test");
    }

    @Test
    void anOwnerShouldRevokeTheirOwnToken() throws Exception {
        WebAdminClient guest = invites.guest(owner);

        HttpResponse<String> revoked = guest.delete("/hackable-guest/token");

        assertThat(revoked.statusCode()).isEqualTo(204);
        assertThat(guest.get(PLUGIN).statusCode()).isEqualTo(401);
    }

    @Test
    void aPushWithTheWrongContentTypeShouldBeRefusedWith415() throws Exception {
        WebAdminClient guest = invites.guest(owner);

        HttpResponse<String> refused = guest.put(PLUGIN, ExamplePlugins.DROP.wasm(), "text/plain");

        assertThat(refused.statusCode()).isEqualTo(415);
        assertThat(refused.body()).contains("\"message\":\"Unsupported Content-Type 'text/plain': send the module as "
            + "application/wasm, or as application/json {\\\"plugin\\\": base64, \\\"cases\\\": [...]}\"");
        assertThat(guest.get(PLUGIN + "/versions").body()).isEqualTo("[]");
    }

    @Test
    void aCorruptPluginShouldBeRefusedWith400() throws Exception {
        WebAdminClient guest = invites.guest(owner);

        HttpResponse<String> refused = guest.put(PLUGIN, "not wasm at all".getBytes(), "application/wasm");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("\"message\":\"Invalid plugin: Not a valid Wasm module: ");
        assertThat(guest.get(PLUGIN + "/versions").body()).isEqualTo("[]");
    }

    @Test
    void anOversizedPluginShouldBeRefusedWith413() throws Exception {
        WebAdminClient guest = invites.guest(owner);

        HttpResponse<String> refused = guest.put(PLUGIN, new byte[8 * 1024 * 1024 + 1], "application/wasm");

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.body()).contains("\"message\":\"The plugin is 8388609 bytes; the limit is 8388608 bytes "
            + "(plugin.module.max)\"");
        assertThat(guest.get(PLUGIN + "/versions").body()).isEqualTo("[]");
    }

    @Test
    void anOversizedConfigurationShouldBeRefusedWith413() throws Exception {
        WebAdminClient guest = invites.guest(owner);

        HttpResponse<String> refused = guest.put(PLUGIN + "/config", new byte[1024 * 1024 + 1], "application/json");

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.body()).contains("\"message\":\"The configuration is larger than 1048576 bytes\"");
        assertThat(guest.get(PLUGIN + "/config").body()).isEqualTo("{}");
    }

    @Test
    void aPluginFailingASimulationShouldBeRefusedEvenWhenForced() throws Exception {
        WebAdminClient guest = invites.guest(owner);
        guest.put(PLUGIN, ExamplePlugins.SUBJECT_TAGGER_WAT.wasm(), "application/wasm");

        HttpResponse<String> refused = guest.put(PLUGIN + "?force=true", ExamplePlugins.INFINITE_LOOP.wasm(),
            "application/wasm");
        mailboxes.send(other, List.of(owner), "Still tagged", "version 1 is active");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).startsWith("{\"statusCode\":400,\"type\":\"InvalidArgument\",\"message\":\"The "
            + "plugin failed 8 of 8 simulations:\\ndeliver and reply succeed: timeout: no result within 10000 ms");
        assertThat(guest.get(PLUGIN + "/versions").body()).contains("\"version\":1").doesNotContain("\"version\":2");
        assertThat(mailboxes.awaitLastMessage(owner, 2)).contains("Subject: [tagged] Still tagged");
    }

    @Test
    void testShouldReportTheSimulationsAndStoreNothing() throws Exception {
        WebAdminClient guest = invites.guest(owner);

        HttpResponse<String> tested = guest.post(PLUGIN + "/test", ExamplePlugins.SUBJECT_TAGGER_WAT.wasm(),
            "application/wasm");

        assertThat(tested.statusCode()).as(tested.body()).isEqualTo(200);
        assertThat(tested.body()).startsWith("{\"passed\":true");
        assertThat(guest.get(PLUGIN + "/versions").body()).isEqualTo("[]");
    }

    @Test
    void theCliShouldRedeemWithTheInvitesOwnCommandLineThenPushListRollBackAndDelete() throws Exception {
        mailboxes.send(owner, List.of(DemoUsers.IT_ADDRESS), "/hackablemail signup", "please");
        String invite = mailboxes.awaitMessages(owner, 1);
        Matcher redeemLine = Pattern.compile("hackmail (invite redeem \\S+ --server \\S+)").matcher(invite);
        assertThat(redeemLine.find()).as(invite).isTrue();
        Path tagger = repository("pdk/examples/subject-tagger-wat/subject-tagger.wasm");
        Path drop = repository("plugin-host/src/test/resources/plugins/drop.wasm");

        Cli redeemed = Cli.run(redeemLine.group(1).split(" "));
        String[] lines = redeemed.out().strip().split("\n");
        String token = lines[lines.length - 1];

        assertThat(redeemLine.group(1)).as("the server configured, on its real webadmin port")
            .endsWith(" --server http://localhost:" + JAMES.ports().webAdmin());
        assertThat(invite).contains("http://localhost:" + JAMES.ports().webAdmin() + "/hackable-console/");
        assertThat(redeemed.exitCode()).as(redeemed.err()).isZero();
        assertThat(token).startsWith("hmt_");
        assertThat(Cli.run("plugin", "push", tagger.toString(), "--server", server(), "--token", token).out())
            .startsWith("Pushed: version 1 is active (");
        assertThat(Cli.run("plugin", "push", drop.toString(), "--server", server(), "--token", token).exitCode()).isZero();
        assertThat(Cli.run("plugin", "activate", "1", "--server", server(), "--token", token).out())
            .isEqualTo("Version 1 is active.\n");
        assertThat(Cli.run("plugin", "versions", "--server", server(), "--token", token).out())
            .startsWith("*   1  ").contains("\n    2  ");
        assertThat(Cli.run("plugin", "delete", "--server", server(), "--token", token).out()).isEqualTo("Plugin deleted.\n");
        assertThat(webAdmin.get("/hackable/plugins/" + owner).statusCode()).isEqualTo(404);
    }

    @Test
    void theCliShouldSayWhyAndExitNonZeroWhenRefused() throws Exception {
        Path loop = repository("plugin-host/src/test/resources/plugins/infinite-loop.wasm");
        String token = Invites.tokenIn(invites.redeem(invites.code(owner)));

        Cli reused = Cli.run("invite", "redeem", "hmi_guessed", "--server", server());
        Cli failing = Cli.run("plugin", "push", loop.toString(), "--server", server(), "--token", token);
        Cli badToken = Cli.run("plugin", "versions", "--server", server(), "--token", "hmt_guessed");
        Cli unreachable = Cli.run("plugin", "versions", "--server", "http://127.0.0.1:1", "--token", token);

        assertThat(reused.exitCode()).isEqualTo(1);
        assertThat(reused.err()).isEqualTo("hackmail: the server refused (HTTP 400): This invite code is unknown, "
            + "expired or already used: mail the IT address again for a new one\n");
        assertThat(failing.exitCode()).isEqualTo(1);
        assertThat(failing.out()).containsPattern("FAILED  deliver and reply succeed  \\(\\d+ ms of 1000\\)\n"
            + "    problem: timeout: no result within 10000 ms");
        assertThat(failing.err()).contains("hackmail: the server refused (HTTP 400): The plugin failed 8 of 8 simulations:");
        assertThat(badToken.exitCode()).isEqualTo(1);
        assertThat(badToken.err()).startsWith("hackmail: the server refused (HTTP 401): Missing, invalid or revoked push token");
        assertThat(unreachable.exitCode()).isEqualTo(3);
        assertThat(unreachable.err()).startsWith("hackmail: cannot reach http://127.0.0.1:1: ");
        assertThat(webAdmin.get("/hackable/plugins/" + owner).statusCode()).isEqualTo(404);
    }

    private static String server() {
        return "http://127.0.0.1:" + JAMES.ports().webAdmin();
    }

    private static Path repository(String path) {
        return Path.of(System.getProperty("hackablemail.repository", ".."), path);
    }
}
