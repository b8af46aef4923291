package org.hackablemail.cli.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.hackablemail.cli.HackmailCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** {@code hackmail plugin test}: the server's simulations and sandbox, run locally on committed plugins. */
class PluginTestCommandTest {
    private static final Path REPOSITORY = Path.of("..");
    private static final Path SUBJECT_TAGGER = REPOSITORY.resolve("pdk/examples/subject-tagger-wat/subject-tagger.wasm");
    private static final Path SUBJECT_BLOCKER = REPOSITORY.resolve("pdk/examples/subject-blocker-c/subject-blocker.wasm");
    private static final Path SLOW = REPOSITORY.resolve("plugin-host/src/test/resources/plugins/slow.wasm");
    private static final Path DROP = REPOSITORY.resolve("plugin-host/src/test/resources/plugins/drop.wasm");
    private static final String MESSAGE = "From: writer@example.org\r\nSubject: Hello\r\n\r\nHi there\r\n";

    @TempDir
    Path directory;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return new CommandLine(new HackmailCommand())
            .setOut(new PrintWriter(out))
            .setErr(new PrintWriter(err))
            .execute(args);
    }

    @Test
    void shouldPrintEveryScenarioAndExit0WhenThePluginPasses() {
        int exitCode = run("plugin", "test", SUBJECT_TAGGER.toString());

        assertThat(exitCode).isZero();
        assertThat(out.toString()).containsPattern("PASSED  deliver and reply succeed  \\(\\d+ ms of 1000\\)\n    returned 0\n"
            + "    deliver: Subject: \\[tagged\\] News about Project XYZ")
            .contains("All 8 simulations passed, each within the 1000 ms a call may take in production.");
    }

    @Test
    void shouldShowWhatThePluginDidWithOneMessage() throws IOException {
        Path email = Files.writeString(directory.resolve("hello.eml"), MESSAGE);

        int exitCode = run("plugin", "test", SUBJECT_TAGGER.toString(), "--email", email.toString());

        assertThat(exitCode).isZero();
        assertThat(out.toString()).matches("PASSED  hello.eml  \\(\\d+ ms of 1000\\)\n    returned 0\n"
            + "    deliver: Subject: \\[tagged\\] Hello\n      \\| Hi there\n    changed header: Subject: \\[tagged\\] Hello\n");
    }

    @Test
    void shouldGiveThePluginTheConfigurationGiven() throws IOException {
        Path email = Files.writeString(directory.resolve("offer.eml"), "From: a@b.test\r\nSubject: Cheap \u001b[31moffer\r\n\r\nBuy\r\n");

        int exitCode = run("plugin", "test", SUBJECT_BLOCKER.toString(), "--email", email.toString(),
            "--config", "blocked_subjects=cheap");

        assertThat(exitCode).isZero();
        assertThat(out.toString()).containsPattern("^PASSED  offer.eml  \\(\\d+ ms of 1000\\)\n    returned 77\n")
            .contains("    log: INFO bouncing: subject matches blocked pattern \"cheap\"\n");
    }

    @Test
    void aConfigurationValueShouldBeKeyEqualsValue() {
        int exitCode = run("plugin", "test", SUBJECT_BLOCKER.toString(), "--config", "blocked_subjects");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("'blocked_subjects' is not KEY=VALUE");
    }

    @Test
    void shouldFailWithExit1WhenAnOwnCaseIsNotMet() throws IOException {
        Files.writeString(directory.resolve("cases.json"), "[{\"name\": \"must deliver\", \"email\": \"From: a@b.test\\r\\n"
            + "Subject: Hi\\r\\n\\r\\nHello\\r\\n\", \"expect\": {\"deliver\": true}}]");

        int exitCode = run("plugin", "test", DROP.toString(), "--cases", directory.toString());

        assertThat(exitCode).isEqualTo(CliFailure.REFUSED);
        assertThat(out.toString()).containsPattern("FAILED  must deliver  \\(\\d+ ms of 1000\\)\n    returned 0\n"
            + "    problem: expected a deliver call, there was none").contains("1 of 9 simulations failed.");
        assertThat(err.toString()).contains("hackmail: the plugin failed simulations: a push would be refused");
    }

    @Test
    void shouldRefuseAPluginSlowerThanTheProductionTimeoutWithItsTime() throws IOException {
        Path email = Files.writeString(directory.resolve("hello.eml"), MESSAGE);

        // The slow plugin takes about a second on a fast machine: held to a server's 200 ms, it is over on any.
        int exitCode = run("plugin", "test", SLOW.toString(), "--email", email.toString(), "--timeout-millis", "200");

        assertThat(exitCode).isEqualTo(CliFailure.REFUSED);
        assertThat(out.toString()).containsPattern("FAILED  hello.eml  \\((\\d+) ms of 200\\)\n    returned 0\n"
            + "    problem: took \\1 ms on a warm instance, more than the 200 ms a call may take in production");
    }

    @Test
    void shouldFailWithExit1WhenTheFileIsNotWasm() throws IOException {
        Path notWasm = Files.writeString(directory.resolve("plugin.wasm"), MESSAGE);

        int exitCode = run("plugin", "test", notWasm.toString());

        assertThat(exitCode).isEqualTo(CliFailure.REFUSED);
        assertThat(err.toString()).contains("hackmail: invalid plugin: Not a valid Wasm module: ");
    }

    @Test
    void shouldFailWithExit3WhenThePluginFileIsMissing() {
        int exitCode = run("plugin", "test", directory.resolve("missing.wasm").toString());

        assertThat(exitCode).isEqualTo(CliFailure.UNAVAILABLE);
        assertThat(err.toString().strip()).isEqualTo("hackmail: no such file: " + directory.resolve("missing.wasm"));
    }

    @Test
    void shouldFailWithExit2WhenEmailAndCasesAreBothGiven() {
        int exitCode = run("plugin", "test", DROP.toString(), "--email", "a.eml", "--cases", directory.toString());

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("--email and --cases cannot be used together");
    }

    @Test
    void shouldFailWithExit2WhenTheTimeoutIsNotPositive() {
        int exitCode = run("plugin", "test", DROP.toString(), "--timeout-millis", "0");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("--timeout-millis must be positive");
    }
}
