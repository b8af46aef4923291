package org.hackablemail.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.mail.internet.MimeUtility;

import org.apache.james.utils.TestIMAPClient;
import org.hackablemail.launcher.DemoUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Crafted and broken mail through real SMTP into a real James, each message to a recipient whose plugin reports what
 * it was given (packaging/src/test/wat/report-seen.wat) and to one without a plugin. Every message is accounted for:
 * refused at the SMTP level, or delivered to both. The plugin must see every attachment the message still carries
 * and the problems it has. The time from the first SMTP byte to both deliveries is written to
 * {@code target/bad-mail-timings-<test class>.txt}, as figures, not as assertions. Run against James in-process
 * ({@link BadMailTest}) and as deployed ({@link BadMailDeployedIT}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BadMailContract {
    private static final String SENDER = "stranger@outside.example";
    private static final Duration DELIVERY = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MEGABYTE = 1 << 20;

    private final List<String> timings = new ArrayList<>();
    private long baseline;
    private double slowestPerMegabyte;
    private BadMail slowest;

    /** The James to send to, running by the time it is returned. */
    protected abstract RunningJames james() throws Exception;

    /** The time of a small well-formed message, measured after a first one has warmed James up. */
    @BeforeAll
    void warmUp() throws Exception {
        assertThat(deliver(BadMail.WELL_FORMED).refusal()).isEmpty();
        baseline = deliver(BadMail.WELL_FORMED).millis();
        timings.add("end-to-end wall time (first SMTP byte to both deliveries), well-formed baseline " + baseline + " ms");
    }

    @ParameterizedTest
    @EnumSource(BadMail.class)
    void everyMessageShouldBeAccountedForAndThePluginShouldSeeItsAttachments(BadMail mail) throws Exception {
        Delivery delivery = deliver(mail);
        assertThat(delivery.refusal().isPresent()).as("%s refused at SMTP: %s", mail, delivery.refusal())
            .isEqualTo(mail.refusedAtSmtp());
        if (delivery.refusal().isPresent()) {
            assertThat(delivery.refusal().get()).as("a permanent refusal").startsWith("5");
            timings.add(String.format(Locale.ROOT, "%-20s %10d bytes  refused at SMTP: %s", mail, delivery.size(),
                delivery.refusal().get()));
            return;
        }
        double perMegabyte = (delivery.millis() - baseline) / (delivery.size() / (double) MEGABYTE);
        timings.add(String.format(Locale.ROOT, "%-20s %10d bytes  %7d ms%s", mail, delivery.size(), delivery.millis(),
            delivery.size() < MEGABYTE ? "" : String.format(Locale.ROOT, "  %8.1f ms/MB beyond the baseline", perMegabyte)));
        if (delivery.size() >= MEGABYTE && perMegabyte > slowestPerMegabyte) {
            slowestPerMegabyte = perMegabyte;
            slowest = mail;
        }

        JsonNode seenAttachments = JSON.readTree(delivery.header("X-Seen-Attachments"));
        JsonNode seenProblems = JSON.readTree(delivery.header("X-Seen-Problems"));
        assertThat(seenAttachments.findValuesAsText("name")).containsAll(mail.attachments());
        assertThat(seenProblems.findValuesAsText("code")).containsAll(mail.problems());
        if (mail == BadMail.DEEP_NESTING) {
            assertThat(seenAttachments.findValuesAsText("type")).contains("multipart/mixed");
        }
    }

    @AfterAll
    void writeTimings() throws IOException {
        timings.add(String.format(Locale.ROOT, "slowest per MB (messages of 1 MB and more): %s, %.1f ms/MB", slowest,
            slowestPerMegabyte));
        Path report = Path.of("target", "bad-mail-timings-" + getClass().getSimpleName() + ".txt");
        Files.createDirectories(report.getParent());
        Files.write(report, timings, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
        timings.forEach(System.out::println);
    }

    /** What became of one message sent to a recipient with the reporting plugin and to one without. */
    private record Delivery(long size, Optional<String> refusal, long millis, String ownerHeader) {
        /** A field the plugin added, unfolded and decoded. */
        String header(String name) throws UnsupportedEncodingException {
            String unfolded = ownerHeader.replaceAll("\r\n(?=[ \t])", "");
            Matcher field = Pattern.compile("(?m)^" + name + ": (.*)\r?$").matcher(unfolded);
            assertThat(field.find()).as("%s in %s", name, ownerHeader).isTrue();
            return MimeUtility.decodeText(field.group(1));
        }
    }

    private Delivery deliver(BadMail mail) throws Exception {
        RunningJames james = james();
        String owner = james.newUser("bad-mail-owner");
        String plain = james.newUser("bad-mail-plain");
        HttpResponse<String> installed = james.webAdmin().put("/hackable/plugins/" + owner,
            ExamplePlugins.REPORT_SEEN.wasm(), "application/wasm");
        assertThat(installed.statusCode()).as(installed.body()).isEqualTo(201);
        byte[] message = mail.message();
        try (TestIMAPClient ownerBox = inbox(james, owner); TestIMAPClient plainBox = inbox(james, plain)) {
            long start = System.nanoTime();
            Optional<String> refusal = new RawSmtp(james.ports().smtp()).send(SENDER, List.of(owner, plain), message);
            if (refusal.isPresent()) {
                return new Delivery(message.length, refusal, 0, "");
            }
            long deadline = start + DELIVERY.toNanos();
            while (ownerBox.getMessageCount(TestIMAPClient.INBOX) < 1 || plainBox.getMessageCount(TestIMAPClient.INBOX) < 1) {
                assertThat(System.nanoTime()).as("%s delivered to both recipients within %s", mail, DELIVERY)
                    .isLessThan(deadline);
                Thread.sleep(20);
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(ownerBox.getMessageCount(TestIMAPClient.INBOX)).isEqualTo(1);
            assertThat(plainBox.getMessageCount(TestIMAPClient.INBOX)).isEqualTo(1);
            return new Delivery(message.length, Optional.empty(), millis,
                Mailboxes.readFirstMessageHeader(james.ports().imap(), owner, TestIMAPClient.INBOX));
        }
    }

    private static TestIMAPClient inbox(RunningJames james, String user) throws IOException {
        TestIMAPClient imap = new TestIMAPClient();
        imap.connect("127.0.0.1", james.ports().imap()).login(user, DemoUsers.PASSWORD).select(TestIMAPClient.INBOX);
        return imap;
    }
}
