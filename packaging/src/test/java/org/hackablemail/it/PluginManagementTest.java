package org.hackablemail.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;

import org.apache.james.JamesServerExtension;
import org.hackablemail.launcher.DemoUsers;
import org.hackablemail.launcher.WebAdminClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The admin plugin management routes through a real James: push with simulations, versions, rollback, download,
 * configuration read by the plugin, deletion, the audit log, and the errors an admin sees, each changing nothing.
 */
class PluginManagementTest {
    private static final InProcessJames JAMES = new InProcessJames();

    @RegisterExtension
    static JamesServerExtension server = JAMES.extension();

    private static WebAdminClient webAdmin;
    private static Mailboxes mailboxes;
    private String owner;
    private String sender;
    private String plugin;

    @BeforeAll
    static void setUp() throws Exception {
        webAdmin = JAMES.webAdmin();
        mailboxes = JAMES.mailboxes();
    }

    @BeforeEach
    void newUsers() throws Exception {
        owner = JAMES.newUser("managed");
        sender = JAMES.newUser("writer");
        plugin = "/hackable/plugins/" + owner;
    }

    @Test
    void pushShouldReturnTheVersionWithItsSimulationReportWhenThePluginPasses() throws Exception {
        HttpResponse<String> pushed = push(ExamplePlugins.SUBJECT_TAGGER_WAT);

        assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(201);
        assertThat(pushed.body()).contains("\"version\":1", "\"simulations\":{\"passed\":true",
            "\"name\":\"HTML-only mail\",\"status\":\"passed\"");
    }

    @Test
    void pushShouldBeRefusedWithTheReportAndChangeNothingWhenAScenarioTimesOut() throws Exception {
        push(ExamplePlugins.SUBJECT_TAGGER_WAT);

        HttpResponse<String> refused = push(ExamplePlugins.INFINITE_LOOP);
        mailboxes.send(sender, List.of(owner), "Still tagged", "Yes");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).startsWith("{\"statusCode\":400,\"type\":\"InvalidArgument\","
            + "\"message\":\"The plugin failed 8 of 8 simulations:\\ndeliver and reply succeed: timeout: no result "
            + "within 10000 ms\\ndeliver fails: skipped: scenario 'deliver and reply succeed' was too slow");
        assertThat(refused.body()).contains("\"simulations\":{\"passed\":false");
        assertThat(webAdmin.get(plugin + "/versions").body()).contains("\"version\":1").doesNotContain("\"version\":2");
        assertThat(mailboxes.awaitMessages(owner, 1)).contains("Subject: [tagged] Still tagged");
    }

    @Test
    void pushShouldBeRefusedWhenAnOwnerCaseExpectsWhatThePluginDoesNotDo() throws Exception {
        String cases = "[{\"name\": \"must reply\", \"email\": \"From: a@demo.test\\r\\nSubject: Hi\\r\\n\\r\\nHello\\r\\n\","
            + " \"expect\": {\"reply\": true}}]";

        HttpResponse<String> refused = webAdmin.put(plugin, withCases(ExamplePlugins.SUBJECT_TAGGER_WAT, cases));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("The plugin failed 1 of 9 simulations:\\nmust reply: expected a reply call, there was none");
        assertThat(webAdmin.get(plugin).statusCode()).isEqualTo(404);
    }

    @Test
    void pushShouldAcceptOwnerCasesWhenThePluginMeetsThem() throws Exception {
        String cases = "[{\"name\": \"tags\", \"email\": \"From: a@demo.test\\r\\nSubject: Hi\\r\\n\\r\\nHello\\r\\n\","
            + " \"expect\": {\"returnCode\": 0, \"deliver\": true, \"reply\": false}}]";

        HttpResponse<String> pushed = webAdmin.put(plugin, withCases(ExamplePlugins.SUBJECT_TAGGER_WAT, cases));

        assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(201);
        assertThat(pushed.body()).containsPattern("\"name\":\"tags\",\"status\":\"passed\",\"returnCode\":0,"
            + "\"problems\":\\[],\"deliver\":\\{\"subject\":\"\\[tagged] Hi\"[^}]*},\"logs\":\\[],"
            + "\"changedHeaders\":\\[\\{\"name\":\"Subject\",\"value\":\"\\[tagged] Hi\"}],\"millis\":[0-9.]+}");
    }

    @Test
    void activatingAnEarlierVersionShouldRollBackTheMailFlow() throws Exception {
        push(ExamplePlugins.SUBJECT_TAGGER_WAT);
        push(ExamplePlugins.DROP);

        HttpResponse<String> activated = webAdmin.post(plugin + "/versions/1/activate");
        mailboxes.send(sender, List.of(owner), "Rolled back", "Yes");

        assertThat(activated.statusCode()).as(activated.body()).isEqualTo(200);
        assertThat(activated.body()).contains("\"version\":1");
        assertThat(mailboxes.awaitMessages(owner, 1)).contains("Subject: [tagged] Rolled back");
        assertThat(webAdmin.get(plugin).body()).contains("\"active\":{\"owner\":\"" + owner + "\",\"version\":1",
            "\"versions\":2", "\"stats\":{\"calls\":1,\"delivered\":1,\"replied\":0,\"outcomes\":{\"delivered\":1}");
    }

    @Test
    void downloadShouldReturnTheModuleOfAVersion() throws Exception {
        push(ExamplePlugins.DROP);

        HttpResponse<byte[]> module = webAdmin.getBytes(plugin + "/versions/1/wasm");

        assertThat(module.statusCode()).isEqualTo(200);
        assertThat(module.body()).isEqualTo(ExamplePlugins.DROP.wasm());
    }

    @Test
    void configShouldBeStoredAndRecordedInTheAuditLog() throws Exception {
        HttpResponse<String> set = webAdmin.put(plugin + "/config", "{\"greeting\": \"Hi\"}");

        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        assertThat(webAdmin.get(plugin + "/config").body()).isEqualTo("{\"greeting\":\"Hi\"}");
        assertThat(webAdmin.get("/hackable/plugins/audit?owner=" + owner).body())
            .contains("\"actor\":\"admin\"", "\"owner\":\"" + owner + "\"", "\"action\":\"config\"",
                "\"detail\":\"greeting\"");
    }

    @Test
    void configShouldBeRefusedWhenAValueIsNotAString() throws Exception {
        HttpResponse<String> refused = webAdmin.put(plugin + "/config", "{\"days\": 3}");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("\"message\":\"The value of 'days' must be a string\"");
        assertThat(webAdmin.get(plugin + "/config").body()).isEqualTo("{}");
    }

    @Test
    void deleteShouldForgetEveryVersion() throws Exception {
        push(ExamplePlugins.DROP);

        HttpResponse<String> deleted = webAdmin.delete(plugin);
        mailboxes.send(sender, List.of(owner), "Untouched", "Yes");

        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(webAdmin.get(plugin + "/versions").statusCode()).isEqualTo(404);
        assertThat(mailboxes.awaitMessages(owner, 1)).contains("Subject: Untouched");
        assertThat(webAdmin.get("/hackable/plugins").body()).doesNotContain(owner);
    }

    @Test
    void pushShouldBeRefusedWith415WhenTheContentTypeIsWrong() throws Exception {
        HttpResponse<String> refused = webAdmin.put(plugin, ExamplePlugins.DROP.wasm(), "text/plain");

        assertThat(refused.statusCode()).isEqualTo(415);
        assertThat(refused.body()).contains("Unsupported Content-Type 'text/plain': send the module as application/wasm, or as application/json");
        assertThat(webAdmin.get(plugin).statusCode()).isEqualTo(404);
    }

    @Test
    void pushShouldBeRefusedWith413WhenTheModuleIsTooLarge() throws Exception {
        HttpResponse<String> refused = webAdmin.put(plugin, new byte[8 * 1024 * 1024 + 1], "application/wasm");

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.body()).contains("The plugin is 8388609 bytes; the limit is 8388608 bytes (plugin.module.max)");
        assertThat(webAdmin.get(plugin).statusCode()).isEqualTo(404);
    }

    @Test
    void activateShouldAnswer404WhenTheVersionDoesNotExist() throws Exception {
        push(ExamplePlugins.DROP);

        HttpResponse<String> refused = webAdmin.post(plugin + "/versions/7/activate");

        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(refused.body()).contains("\"message\":\"" + owner + " has no plugin version 7\"");
    }

    private HttpResponse<String> push(ExamplePlugins example) throws Exception {
        return webAdmin.put(plugin, example.wasm(), "application/wasm");
    }

    /** The JSON push: the module in base64 with the owner's simulation cases. */
    private static String withCases(ExamplePlugins example, String cases) {
        return "{\"plugin\": \"" + Base64.getEncoder().encodeToString(example.wasm()) + "\", \"cases\": " + cases + "}";
    }
}
