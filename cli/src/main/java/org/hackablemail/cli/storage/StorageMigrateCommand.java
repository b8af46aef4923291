package org.hackablemail.cli.storage;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.hackablemail.bayes.store.BayesStore;
import org.hackablemail.bayes.store.LuceneBayesStore;
import org.hackablemail.core.store.StorageSettings;
import org.hackablemail.core.store.VariableQuotas;
import org.hackablemail.core.store.fs.FileSystemStorage;
import org.hackablemail.storage.cassandra.CassandraSettings;
import org.hackablemail.storage.cassandra.CassandraStorage;
import org.hackablemail.storage.cassandra.FileSystemMigration;
import org.hackablemail.storage.cassandra.SettingReader;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code hackmail storage migrate --james DIR}. */
@Command(name = "migrate",
    mixinStandardHelpOptions = true,
    description = {"Copies a James node's file-system state (plugins with all their versions, plugin variables, guests,"
        + " invites, push tokens, the audit log, the Bayes filter's training) into the Cassandra its configuration names, to run several James"
        + " nodes on it. What Cassandra already holds is left as it is: run it again to copy what is new; a run with"
        + " nothing new changes nothing. Run it with James stopped (or before it switches to storage=cassandra) so"
        + " that the copy is complete.",
        "Cassandra is read from James's conf/cassandra.properties, or from the storage.cassandra.* keys of"
        + " conf/hackable-mail.properties, as James reads them."},
    exitCodeOnExecutionException = 1)
public class StorageMigrateCommand implements Callable<Integer> {
    private static final String DEFAULT_DATA_DIRECTORY = "var/hackable-mail";
    /** The single-node Bayes store's directory under the data directory (SpamFilter.STORE_DIRECTORY). */
    private static final String BAYES_DIRECTORY = "bayes";
    /** Reports on each kind's progress about this often. */
    private static final int PROGRESS_STEPS = 10;

    @Spec
    CommandSpec spec;

    @Option(names = "--james", required = true, paramLabel = "DIR",
        description = "James's working directory: its conf/ names Cassandra; its data directory is copied")
    Path james;

    @Option(names = "--data", paramLabel = "DIR",
        description = "the bundle's data directory to copy (default: data.directory of conf/hackable-mail.properties)")
    Path data;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path conf = james.resolve("conf");
        if (!Files.isDirectory(conf)) {
            throw new IllegalArgumentException(james + " has no conf/ directory: give James's working directory");
        }
        PropertiesFile bundle = PropertiesFile.read(conf.resolve("hackable-mail.properties"))
            .orElseGet(() -> PropertiesFile.empty(conf.resolve("hackable-mail.properties")));
        Path source = data != null ? data
            : james.resolve(bundle.<String>value("data.directory", DEFAULT_DATA_DIRECTORY, value -> value));
        if (!Files.isDirectory(source)) {
            throw new IllegalArgumentException("No data directory at " + source);
        }
        Optional<PropertiesFile> jamesFile = PropertiesFile.read(conf.resolve("cassandra.properties"));
        CassandraSettings settings = CassandraSettings.read(bundle, jamesFile.map(file -> (SettingReader) file),
            conf.resolve("cassandra.properties").toString());
        out.printf("Copying %s into Cassandra at %s, keyspace %s, tables %s* (from %s)%n", source, settings.nodes(),
            settings.keyspace(), settings.tablePrefix(), settings.source());
        out.flush();

        FileSystemStorage fileSystem = new FileSystemStorage(source, Clock.systemUTC(), copying());
        Map<String, FileSystemMigration.Count> counts;
        Path bayesDirectory = source.resolve(BAYES_DIRECTORY);
        Optional<BayesStore> bayes = Files.isDirectory(bayesDirectory)
            ? Optional.of(LuceneBayesStore.open(bayesDirectory)) : Optional.empty();
        try (CassandraStorage cassandra = CassandraStorage.open(settings, copying(), Duration.ZERO, Clock.systemUTC())) {
            counts = new FileSystemMigration(fileSystem, bayes, cassandra, (kind, done, total) -> {
                if (done == total || done % Math.max(1, total / PROGRESS_STEPS) == 0) {
                    out.printf("  %s: %d/%d%n", kind, done, total);
                    out.flush();
                }
            }).run();
        } finally {
            bayes.ifPresent(BayesStore::close);
        }
        out.println("Done:");
        counts.forEach((kind, count) -> out.printf("  %-14s %6d copied, %6d already in Cassandra (left as they were)%n",
            kind, count.copied(), count.alreadyThere()));
        return 0;
    }

    /**
     * The stores' settings while copying: every version and variable the node kept is copied as it is; the quotas
     * and retention of hackable-mail.properties apply to what happens next, on the nodes.
     */
    private static StorageSettings copying() {
        StorageSettings defaults = StorageSettings.defaults();
        return new StorageSettings(Integer.MAX_VALUE, new VariableQuotas(Integer.MAX_VALUE, Long.MAX_VALUE),
            Long.MAX_VALUE, defaults.traceRetention());
    }
}
