package org.hackablemail.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.james.JamesServerExtension;
import org.hackablemail.launcher.WebAdminClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The bundle's metrics as Prometheus scrapes them from James's own {@code /metrics} route (enabled in james-conf's
 * webadmin.properties), after a known mix of mail through owners' plugins: the counts match what was sent, and no
 * metric name carries an address.
 */
class PrometheusMetricsTest {
    private static final InProcessJames JAMES = new InProcessJames();
    /** A sample line of the Prometheus text format: name, optional labels, value. */
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})? (\\S+)$");

    @RegisterExtension
    static JamesServerExtension server = JAMES.extension();

    @Test
    void pluginRunsShouldBeCountedByOutcome() throws Exception {
        WebAdminClient webAdmin = JAMES.webAdmin();
        Mailboxes mailboxes = JAMES.mailboxes();
        String tagged = JAMES.newUser("tagged");
        String refusing = JAMES.newUser("refusing");
        String failing = JAMES.newUser("failing");
        String sender = JAMES.newUser("sender");
        install(webAdmin, tagged, ExamplePlugins.SUBJECT_TAGGER_WAT);
        install(webAdmin, refusing, ExamplePlugins.REFUSE_77);
        install(webAdmin, failing, ExamplePlugins.TRAP);

        mailboxes.send(sender, List.of(tagged), "one", "x");
        mailboxes.send(sender, List.of(tagged), "two", "x");
        mailboxes.send(sender, List.of(tagged, refusing), "three", "x");
        mailboxes.send(sender, List.of(failing), "four", "x");
        mailboxes.send(sender, List.of(sender), "no plugin", "x");

        Mailboxes.AWAIT.untilAsserted(() -> assertThat(scrape()).containsEntry("hackablemail_plugin_runs_total", 5.0));
        Map<String, Double> metrics = scrape();
        assertThat(metrics)
            .containsEntry("hackablemail_plugin_outcome_delivered_total", 3.0)
            .containsEntry("hackablemail_plugin_outcome_bounced_total", 1.0)
            .containsEntry("hackablemail_plugin_outcome_failed_trap_total", 1.0)
            .containsEntry("hackablemail_plugin_call_count", 5.0)
            .containsEntry("hackablemail_spf_skipped_total", 5.0)
            .containsEntry("hackablemail_bayes_verdict_unknown_total", 6.0);
        assertThat(metrics)
            .as("the sandbox's gauges: every run found its compiled code, nothing waits, no worker was killed")
            .containsEntry("hackablemail_sandbox_calls_waiting", 0.0)
            .containsEntry("hackablemail_sandbox_workers_killed", 0.0)
            .containsKeys("hackablemail_sandbox_workers_started", "hackablemail_sandbox_code_cache_misses");
        assertThat(metrics.get("hackablemail_sandbox_code_cache_hits")).isGreaterThanOrEqualTo(5.0);
        assertThat(metrics.keySet()).noneMatch(name -> name.contains("tagged") || name.contains("demo_test"));
        assertThat(JAMES.webAdmin().get("/hackable/status").body())
            .contains("\"hackablemail.plugin.runs\":5", "\"hackablemail.plugin.outcome.delivered\":3");
    }

    private static void install(WebAdminClient webAdmin, String owner, ExamplePlugins plugin) throws Exception {
        HttpResponse<String> pushed = webAdmin.put("/hackable/plugins/" + owner + "?force=true", plugin.wasm(),
            "application/wasm");
        assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(201);
    }

    /** GET /metrics without any token, as Prometheus does, parsed: each sample's value by name (and labels). */
    private static Map<String, Double> scrape() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + JAMES.ports().webAdmin() + "/metrics")).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
            assertThat(type).startsWith("text/plain; version=0.0.4"));
        Map<String, Double> samples = new HashMap<>();
        for (String line : response.body().split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            assertThat(sample.matches()).as("a Prometheus sample: " + line).isTrue();
            samples.put(sample.group(1) + (sample.group(2) == null ? "" : sample.group(2)),
                Double.parseDouble(sample.group(3)));
        }
        return samples;
    }
}
