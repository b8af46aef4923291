package org.hackablemail.listeners;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.mail.Flags;

import org.apache.commons.configuration2.BaseHierarchicalConfiguration;
import org.apache.commons.configuration2.MapConfiguration;
import org.apache.james.core.Domain;
import org.apache.james.core.Username;
import org.apache.james.dnsservice.api.InMemoryDNSService;
import org.apache.james.domainlist.lib.DomainListConfiguration;
import org.apache.james.domainlist.memory.MemoryDomainList;
import org.apache.james.events.EventListener;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.MessageManager;
import org.apache.james.mailbox.events.MessageMoveEvent;
import org.apache.james.mailbox.inmemory.manager.InMemoryIntegrationResources;
import org.apache.james.mailbox.model.MailboxId;
import org.apache.james.mailbox.model.MailboxPath;
import org.apache.james.mailbox.model.MessageId;
import org.apache.james.mailbox.model.MessageMoves;
import org.apache.james.task.Hostname;
import org.apache.james.task.MemoryTaskManager;
import org.apache.james.user.memory.MemoryUsersRepository;
import org.hackablemail.config.HackableMailConfiguration;
import org.hackablemail.spam.SpamFilter;
import org.hackablemail.spam.SpamFilters;

/**
 * The listener's own work for one move into Spam (resolve the mailboxes, look the message up in the store, read and
 * tokenize it, queue the entry for the Lucene store's next group commit, fold it into the model), timed move by move
 * on a real Lucene store and James's memory mailboxes; and the same move done again, which must change nothing. Not a test; run it by hand
 * (messages: the SpamAssassin corpus that spam-bayes/bench.sh fetched, else made-up 4 KB messages):
 * <pre>
 * mvn -q -pl mailets -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
 * java -cp mailets/target/test-classes:mailets/target/classes:$(cat mailets/target/bench.classpath) \
 *     org.hackablemail.listeners.SpamTrainingListenerBenchmark [spam-bayes/target/corpus/package/data/easy-ham-1]
 * </pre>
 */
public final class SpamTrainingListenerBenchmark {
    private static final int WARM_UP_MOVES = 300;
    private static final int MEASURED_MOVES = 500;
    private static final Username USER = Username.of("alice@bench.example");

    private SpamTrainingListenerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<byte[]> messages = messages(args.length > 0 ? Path.of(args[0]) : null);
        Path directory = Files.createTempDirectory("listener-bench");
        InMemoryIntegrationResources resources = InMemoryIntegrationResources.defaultResources();
        var mailboxManager = resources.getMailboxManager();
        MailboxSession session = mailboxManager.createSystemSession(USER);
        MailboxId inbox = mailboxManager.createMailbox(MailboxPath.inbox(USER), session).orElseThrow();
        MailboxId spam = mailboxManager.createMailbox(MailboxPath.forUser(USER, "Spam"), session).orElseThrow();
        MessageManager spamMailbox = mailboxManager.getMailbox(spam, session);
        MemoryDomainList domains = new MemoryDomainList(new InMemoryDNSService());
        domains.configure(DomainListConfiguration.builder().autoDetect(false).autoDetectIp(false).build());
        domains.addDomain(Domain.of("bench.example"));
        MemoryTaskManager tasks = new MemoryTaskManager(new Hostname("bench"));
        SpamFilter spamFilter = SpamFilters.in(directory, new HackableMailConfiguration(new MapConfiguration(Map.of()),
            "bench", directory));
        SpamTrainingListener listener = new SpamTrainingListener(spamFilter, mailboxManager, resources.getMessageIdManager(),
            MemoryUsersRepository.withVirtualHosting(domains), tasks, new BaseHierarchicalConfiguration(),
            EventListener.ExecutionMode.ASYNCHRONOUS);

        List<MessageMoveEvent> moves = new ArrayList<>();
        for (int i = 0; i < WARM_UP_MOVES + MEASURED_MOVES; i++) {
            MessageId id = spamMailbox.appendMessage(MessageManager.AppendCommand.builder()
                .withInternalDate(new Date()).withFlags(new Flags())
                .build(messages.get(i % messages.size())), session).getId().getMessageId();
            moves.add(MessageMoveEvent.builder().session(session).messageId(id)
                .messageMoves(MessageMoves.builder().previousMailboxIds(inbox).targetMailboxIds(spam).build()).build());
        }
        time(listener, moves.subList(0, WARM_UP_MOVES));
        long[] first = time(listener, moves.subList(WARM_UP_MOVES, moves.size()));
        long[] again = time(listener, moves.subList(WARM_UP_MOVES, moves.size()));
        System.out.printf("%d moves into Spam of %d-byte messages on average (%s)%n", MEASURED_MOVES,
            messages.stream().mapToInt(message -> message.length).sum() / messages.size(),
            args.length > 0 ? args[0] : "made-up messages");
        System.out.println("listener's own work per move    median      p90      p99      max");
        print("first move (learnt)", first);
        print("same move again (nothing)", again);
        System.out.printf("learnt: %d messages in the user's layer%n", spamFilter.filter().statistics().trainedMessages());
        spamFilter.close();
        tasks.stop();
    }

    private static long[] time(SpamTrainingListener listener, List<MessageMoveEvent> moves) {
        long[] nanos = new long[moves.size()];
        for (int i = 0; i < moves.size(); i++) {
            long start = System.nanoTime();
            listener.handle(moves.get(i));
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private static void print(String label, long[] sorted) {
        System.out.printf("%-30s %7.2f ms %7.2f ms %7.2f ms %7.2f ms%n", label, millis(sorted, 0.5), millis(sorted, 0.9),
            millis(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
    }

    private static double millis(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] / 1e6;
    }

    private static List<byte[]> messages(Path corpus) throws Exception {
        if (corpus != null) {
            try (Stream<Path> files = Files.list(corpus)) {
                List<byte[]> read = new ArrayList<>();
                for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().limit(WARM_UP_MOVES + MEASURED_MOVES).toList()) {
                    read.add(Files.readAllBytes(file));
                }
                return read;
            }
        }
        List<byte[]> madeUp = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            StringBuilder body = new StringBuilder();
            for (int line = 0; line < 50; line++) {
                body.append("Line ").append(line).append(" of message ").append(i)
                    .append(": the quarterly report, the meeting agenda and some words ").append(i * line).append("\r\n");
            }
            madeUp.add(("From: sender" + i + "@example.org\r\nTo: alice@bench.example\r\nSubject: Message " + i
                + "\r\nMessage-ID: <" + i + "@example.org>\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
        }
        return madeUp;
    }
}
