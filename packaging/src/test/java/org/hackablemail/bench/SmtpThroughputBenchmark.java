package org.hackablemail.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.apache.commons.io.FileUtils;
import org.apache.james.utils.SMTPMessageSender;
import org.apache.james.utils.TestIMAPClient;
import org.hackablemail.launcher.JamesConfiguration;
import org.hackablemail.launcher.JamesHome;
import org.hackablemail.launcher.JamesProcess;
import org.hackablemail.launcher.ServerPorts;
import org.hackablemail.launcher.WebAdminClient;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * End-to-end throughput of a stock James 3.8.1 with the extension jar: messages accepted over SMTP and found in the
 * recipient's IMAP inbox per second, for James with the whole Hackable Mail chain (the owner's plugin runs on every
 * message) against the same James with every Hackable Mail mailet taken out of mailetcontainer.xml ("bare"). Both
 * run in turn, several rounds, in one run, so that the ratio is measured under the same load. Not a test: see
 * {@code packaging/bench.sh}.
 *
 * <p>Before each measured round, {@code -Dbench.warmUp} messages (50 by default) go to another mailbox with the same
 * plugin: they warm the JIT up, while the measured mailbox starts empty in both runs (James's memory mailbox searches
 * the whole mailbox on each append, so its cost grows with the mailbox).</p>
 *
 * <p>{@code -Dbench.compare=first,second[,...]} picks the setups each round runs in turn (default {@code bare,chain};
 * each ratio is a setup's throughput over the first's): {@code bare}, {@code chain}, {@code bare-with-fields}, the
 * bare James sent each message with the three fields the chain's spam tagger puts on top already in it, so that it
 * stores the same bytes as the chain, and {@code chain-baseline}, the whole chain of another build of the bundle:
 * {@code -Dbench.baseline=<checkout>} names a built checkout (its {@code james-conf} and extension jar), say the
 * commit before a change. {@code bare-with-fields,chain} tells what the bundle's mailets cost;
 * {@code bare,bare-with-fields} what James pays for storing and searching the three fields.</p>
 */
public final class SmtpThroughputBenchmark {
    private static final String OWNER = "bench@demo.test";
    private static final String WARM_UP_OWNER = "warmup@demo.test";
    private static final int WARM_UP_MESSAGES = Integer.getInteger("bench.warmUp", 50);
    private static final String PASSWORD = "demo";
    private static final int CLIENTS = 4;

    /** What James runs and what it is sent. */
    private enum Setup {
        BARE(false, false, ""),
        BARE_WITH_FIELDS(false, false, "X-Spam-Bayes: unknown\r\nX-Spam-Bayes-Score: 0.5000\r\nX-Spam-Bayes-Model: shared\r\n"),
        CHAIN(true, false, ""),
        CHAIN_BASELINE(true, true, "");

        private final boolean withBundle;
        private final boolean baseline;
        private final String extraFields;

        Setup(boolean withBundle, boolean baseline, String extraFields) {
            this.withBundle = withBundle;
            this.baseline = baseline;
            this.extraFields = extraFields;
        }

        String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static Setup of(String label) {
            String name = label.trim().toUpperCase(Locale.ROOT).replace('-', '_');
            return Arrays.stream(values()).filter(setup -> setup.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown setup '" + label + "' in -Dbench.compare; known: "
                    + Arrays.stream(values()).map(Setup::label).toList()));
        }
    }

    private SmtpThroughputBenchmark() {
    }

    /** Arguments: james-conf dir, extension jar, James classpath file, plugin .wasm, messages per round, rounds. */
    public static void main(String[] args) throws Exception {
        Path jamesConf = Path.of(args[0]);
        Path extensionJar = Path.of(args[1]);
        Path classpath = Path.of(args[2]);
        byte[] plugin = Files.readAllBytes(Path.of(args[3]));
        int messages = Integer.parseInt(args[4]);
        int rounds = Integer.parseInt(args[5]);
        List<Setup> setups = Arrays.stream(System.getProperty("bench.compare", "bare,chain").split(",")).map(Setup::of).toList();
        Map<Setup, Bundle> bundles = new EnumMap<>(Setup.class);
        for (Setup setup : setups) {
            bundles.put(setup, setup.baseline ? Bundle.builtIn(baselineCheckout()) : new Bundle(jamesConf, extensionJar));
        }

        Map<Setup, List<Double>> rates = new EnumMap<>(Setup.class);
        for (int round = 1; round <= rounds; round++) {
            for (Setup setup : setups) {
                rates.computeIfAbsent(setup, any -> new ArrayList<>()).add(measure(setup, bundles.get(setup), classpath, plugin, messages));
            }
        }
        System.out.printf(Locale.ROOT, "%n%d messages per round, %d SMTP clients, %d rounds%n", messages, CLIENTS, rounds);
        double reference = median(rates.get(setups.get(0)));
        for (Setup setup : setups) {
            double rate = median(rates.get(setup));
            System.out.printf(Locale.ROOT, "%-18s %8.1f msg/s (median of %s), ratio %.2f (rounds %s)%n", setup.label(), rate,
                format(rates.get(setup), "%.1f"), rate / reference, format(roundRatios(rates.get(setup), rates.get(setups.get(0))), "%.2f"));
        }
        if (setups.get(0) == Setup.BARE && setups.contains(Setup.CHAIN)) {
            System.out.println("target: chain >= 0.85 of bare");
        }
    }

    private static Path baselineCheckout() {
        String checkout = System.getProperty("bench.baseline");
        if (checkout == null || checkout.isBlank()) {
            throw new IllegalArgumentException("chain-baseline needs -Dbench.baseline=<a checkout built with mvn -DskipTests package>");
        }
        return Path.of(checkout);
    }

    /** The James configuration and extension jar a setup runs. */
    private record Bundle(Path jamesConf, Path extensionJar) {
        /** A checkout built with {@code mvn -DskipTests package}. */
        static Bundle builtIn(Path checkout) throws IOException {
            Path target = checkout.resolve("packaging/target");
            try (Stream<Path> jars = Files.isDirectory(target) ? Files.list(target) : Stream.empty()) {
                Path jar = jars.filter(path -> path.getFileName().toString().startsWith("hackable-mail-extension-")).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("No built extension jar in " + checkout + ": run mvn -DskipTests package there"));
                return new Bundle(checkout.resolve("james-conf"), jar);
            }
        }
    }

    private static double measure(Setup setup, Bundle bundle, Path classpath, byte[] plugin, int messages) throws Exception {
        Path directory = Files.createTempDirectory("bench-" + setup.label());
        double perSecond;
        try {
            perSecond = measure(setup, bundle, classpath, plugin, messages, new JamesHome(directory));
        } catch (Exception e) {
            // Its James log tells why: the home of a failed round stays.
            throw new IllegalStateException("The " + setup.label() + " round failed; its James home is kept in " + directory, e);
        }
        FileUtils.deleteDirectory(directory.toFile());
        return perSecond;
    }

    private static double measure(Setup setup, Bundle bundle, Path classpath, byte[] plugin, int messages, JamesHome home)
            throws Exception {
        ServerPorts ports = ServerPorts.free();
        String token = home.prepare(new JamesConfiguration(bundle.jamesConf()), ports);
        home.installExtension(bundle.extensionJar());
        if (!setup.withBundle) {
            removeHackableMailMailets(home.conf().resolve("mailetcontainer.xml"));
        }
        try (JamesProcess james = JamesProcess.start(home, classpath, List.of("-Xmx1g"))) {
            james.awaitReady(ports, Duration.ofMinutes(3));
            WebAdminClient webAdmin = WebAdminClient.onLoopback(ports.webAdmin(), token);
            for (String owner : List.of(OWNER, WARM_UP_OWNER)) {
                webAdmin.upsertUser(owner, PASSWORD);
                if (setup.withBundle) {
                    webAdmin.put("/hackable/plugins/" + owner, plugin, "application/wasm");
                }
            }
            send(ports, WARM_UP_OWNER, WARM_UP_MESSAGES, setup.extraFields);
            awaitInbox(ports, WARM_UP_OWNER, WARM_UP_MESSAGES);
            long start = System.nanoTime();
            send(ports, OWNER, messages, setup.extraFields);
            awaitInbox(ports, OWNER, messages);
            double perSecond = messages / ((System.nanoTime() - start) / 1e9);
            System.out.printf(Locale.ROOT, "%-18s %8.1f msg/s%n", setup.label(), perSecond);
            return perSecond;
        }
    }

    private static void send(ServerPorts ports, String recipient, int messages, String extraFields) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int client = 0; client < CLIENTS; client++) {
                int share = messages / CLIENTS + (client < messages % CLIENTS ? 1 : 0);
                done.add(clients.submit(() -> {
                    try (SMTPMessageSender smtp = SMTPMessageSender.noAuthentication("127.0.0.1", ports.smtp(), "outside.example")) {
                        for (int i = 0; i < share; i++) {
                            // Real mail has a Message-ID: James's thread guessing then searches the mailbox on each append.
                            smtp.sendMessageWithHeaders("someone@outside.example", recipient, extraFields + "From: someone@outside.example\r\n"
                                + "To: " + recipient + "\r\nMessage-ID: <" + UUID.randomUUID() + "@outside.example>\r\n"
                                + "Subject: Weekly numbers " + i + "\r\n\r\nNumbers are up.\r\n");
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            clients.shutdown();
        }
    }

    private static void awaitInbox(ServerPorts ports, String owner, int count) throws Exception {
        try (TestIMAPClient imap = new TestIMAPClient()) {
            imap.connect("127.0.0.1", ports.imap()).login(owner, PASSWORD);
            while (imap.getMessageCount(TestIMAPClient.INBOX) < count) {
                Thread.sleep(20);
            }
        }
    }

    /** Takes out every mailet whose class or matcher is Hackable Mail's: what James does without the bundle. */
    private static void removeHackableMailMailets(Path mailetContainer) throws Exception {
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(mailetContainer.toFile());
        NodeList mailets = document.getElementsByTagName("mailet");
        for (int i = mailets.getLength() - 1; i >= 0; i--) {
            Element mailet = (Element) mailets.item(i);
            if (mailet.getAttribute("class").startsWith("org.hackablemail") || mailet.getAttribute("match").startsWith("org.hackablemail")) {
                mailet.getParentNode().removeChild(mailet);
            }
        }
        try (OutputStream out = Files.newOutputStream(mailetContainer)) {
            TransformerFactory.newInstance().newTransformer().transform(new DOMSource(document), new StreamResult(out));
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static List<Double> roundRatios(List<Double> rates, List<Double> references) {
        return IntStream.range(0, rates.size()).mapToObj(round -> rates.get(round) / references.get(round)).toList();
    }

    private static String format(List<Double> values, String format) {
        return values.stream().map(value -> String.format(Locale.ROOT, format, value)).toList().toString();
    }
}
