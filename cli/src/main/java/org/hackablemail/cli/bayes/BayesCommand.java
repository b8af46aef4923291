package org.hackablemail.cli.bayes;

import picocli.CommandLine.Command;

/** {@code hackmail bayes}: the Bayesian filter's token store, offline (James must not have the same store open). */
@Command(name = "bayes",
    mixinStandardHelpOptions = true,
    description = {"Trains, tests and inspects a Bayesian token store directory (e.g. var/demo/var/hackable-mail/bayes "
        + "while James is stopped, or a copy: a running James holds its store's lock)."},
    subcommands = {BayesTrainCommand.class, BayesUntrainCommand.class, BayesClassifyCommand.class, BayesStatsCommand.class})
public class BayesCommand {
}
