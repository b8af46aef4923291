package org.hackablemail.cli.bayes;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.hackablemail.bayes.BayesianFilter;
import org.hackablemail.bayes.store.Scope;
import org.hackablemail.bayes.store.Source;
import org.hackablemail.bayes.store.TrainingKey;
import org.hackablemail.core.Owner;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hackmail bayes untrain --store DIR [--user ADDRESS] FILE…}: takes back what each message file taught. */
@Command(name = "untrain",
    mixinStandardHelpOptions = true,
    description = {"Takes back what each message file taught, recognized by its bytes (SHA-256): the shared model's "
        + "training by default, or a user's (their mail to the training addresses). Prints one line per file: path "
        + "and 'forgotten' or 'not trained'."},
    exitCodeOnExecutionException = 1)
public class BayesUntrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOption store;

    @Option(names = "--user", paramLabel = "ADDRESS", description = "Untrain from this user's personal layer.")
    Optional<String> user;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Message files, byte for byte as trained.")
    List<Path> files;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Scope scope;
        try {
            scope = user.map(address -> Scope.user(Owner.of(address).asString())).orElse(Scope.SHARED);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("hackmail bayes untrain: --user " + e.getMessage());
            return 2;
        }
        try (BayesianFilter filter = store.open()) {
            for (Path file : files) {
                boolean forgotten = filter.forget(TrainingKey.content(scope, Files.readAllBytes(file)), Source.ADMIN).isPresent();
                out.println(file + "\t" + (forgotten ? "forgotten" : "not trained"));
            }
            out.println(StoreSummary.of(filter));
        }
        return 0;
    }
}
