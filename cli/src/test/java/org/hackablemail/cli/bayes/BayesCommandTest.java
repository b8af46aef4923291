package org.hackablemail.cli.bayes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.hackablemail.cli.HackmailCommand;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

class BayesCommandTest {
    private static final int TRAINING_SIZE = 25;

    @TempDir
    Path directory;

    private Path store;
    private Path spam;
    private Path ham;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void corpora() throws IOException {
        store = directory.resolve("store");
        spam = Files.createDirectories(directory.resolve("spam"));
        ham = Files.createDirectories(directory.resolve("ham"));
        for (int i = 0; i < TRAINING_SIZE; i++) {
            Files.writeString(spam.resolve(i + ".eml"), spam(i));
            Files.writeString(ham.resolve(i + ".eml"), "From: colleague" + i + "@work.example\r\nSubject: Project meeting\r\n\r\n"
                + "Minutes of the project meeting: the release schedule, code review and test plan\r\n");
        }
    }

    private static String spam(int n) {
        return "From: winner" + n + "@lottery.example\r\nSubject: Claim your casino prize\r\n\r\n"
            + "Cheap pills, casino bonus and lottery winnings: claim your prize now, limited offer\r\n";
    }

    private int run(String... args) {
        return new CommandLine(new HackmailCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    }

    @Test
    void trainShouldLearnBothCorporaAndReportProgress() {
        int exit = run("bayes", "train", "--spam", spam.toString(), "--ham", ham.toString(), "--store", store.toString());

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("spam messages: 25", "ham messages: 25");
        assertThat(err.toString()).contains("spam " + spam + ": 25 messages learnt", "ham " + ham + ": 25 messages learnt");
    }

    @Test
    void classifyShouldPrintPathVerdictAndScoreTabSeparated() throws IOException {
        run("bayes", "train", "--spam", spam.toString(), "--ham", ham.toString(), "--store", store.toString());
        Path message = Files.writeString(directory.resolve("new.eml"), spam(99));
        out.getBuffer().setLength(0);

        int exit = run("bayes", "classify", "--store", store.toString(), message.toString());

        assertThat(exit).isZero();
        assertThat(out.toString()).isEqualTo(message + "\tyes\t1.0000" + System.lineSeparator());
    }

    @Test
    void classifyShouldSayUnknownWhenTheStoreIsUntrained() throws IOException {
        Path message = Files.writeString(directory.resolve("new.eml"), spam(99));

        run("bayes", "classify", "--store", store.toString(), message.toString());

        assertThat(out.toString()).isEqualTo(message + "\tunknown\t0.5000" + System.lineSeparator());
    }

    @Test
    void statsShouldShowAnEmptyStoreWhenNothingWasLearnt() {
        int exit = run("bayes", "stats", "--store", store.toString());

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("spam messages: 0", "ham messages: 0", "last trained: never");
    }

    @Test
    void trainShouldRefuseAMissingCorpus() {
        int exit = run("bayes", "train", "--spam", directory.resolve("nowhere").toString(), "--store", store.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("nowhere does not exist");
    }
}
