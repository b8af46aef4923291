package org.hackablemail.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.james.JamesServerExtension;
import org.hackablemail.launcher.WebAdminClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A plugin too slow for production is refused at push, with the time it took, in a real James. The slow test plugin
 * takes from about one to a few seconds a call, depending on the machine and on the JIT: this James allows 200 ms a
 * call, so that it is over on any machine while its simulations stay within their own timeout.
 */
class SlowPluginPushTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final InProcessJames JAMES = new InProcessJames(SlowPluginPushTest::allow200Millis);

    @RegisterExtension
    static JamesServerExtension server = JAMES.extension();

    @Test
    void aPluginSlowerThanProductionAllowsShouldBeRefusedAtPushWithItsTime() throws Exception {
        WebAdminClient webAdmin = JAMES.webAdmin();
        String owner = JAMES.newUser("owner");

        HttpResponse<String> refused = webAdmin.put("/hackable/plugins/" + owner, ExamplePlugins.SLOW.wasm(),
            "application/wasm");

        assertThat(refused.statusCode()).isEqualTo(400);
        JsonNode first = JSON.readTree(refused.body()).at("/simulations/scenarios/0");
        assertThat(first.path("status").asText()).as(refused.body()).isEqualTo("failed");
        assertThat(first.path("millis").asDouble()).isGreaterThan(200);
        assertThat(first.path("problems").get(0).asText()).isEqualTo("took " + (long) first.path("millis").asDouble()
            + " ms on a warm instance, more than the 200 ms a call may take in production: mail would fail with a timeout");
        assertThat(webAdmin.get("/hackable/plugins/" + owner).statusCode()).isEqualTo(404);
    }

    private static void allow200Millis(Path conf) throws IOException {
        Path properties = conf.resolve("hackable-mail.properties");
        String original = Files.readString(properties);
        assertThat(original).contains("plugin.timeout=1s\n");
        Files.writeString(properties, original.replace("plugin.timeout=1s\n", "plugin.timeout=200ms\n"));
    }
}
