package org.hackablemail.cli.plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.hackablemail.plugin.simulation.Expectation;
import org.hackablemail.plugin.simulation.Scenario;
import org.hackablemail.plugin.simulation.SimulationCases;

/** Reads what the plugin commands take from files: modules, messages and simulation cases. */
final class PluginFiles {
    private PluginFiles() {
    }

    static byte[] read(Path file) throws CliFailure {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new CliFailure("no such file: " + file, CliFailure.UNAVAILABLE);
        } catch (IOException e) {
            throw new CliFailure("cannot read " + file + ": " + e.getMessage(), CliFailure.UNAVAILABLE);
        }
    }

    /** A message to run the plugin on, named after its file; the mock host accepts deliver and reply. */
    static Scenario email(Path file) throws CliFailure {
        return new Scenario(file.getFileName().toString(), read(file), true, true, Expectation.none());
    }

    /**
     * The owner's simulation cases in a directory: each {@code *.json} file a list of cases as the push takes them
     * ({@code [{"name", "email", "expect": {"returnCode", "deliver", "reply"}}]}), each {@code *.eml} file a case
     * that passes when the plugin does not fail.
     */
    static List<Scenario> cases(Path directory) throws CliFailure {
        List<Path> files;
        try (Stream<Path> listed = Files.list(directory)) {
            files = listed.filter(file -> file.toString().endsWith(".json") || file.toString().endsWith(".eml"))
                .sorted()
                .collect(Collectors.toList());
        } catch (IOException e) {
            throw new CliFailure("cannot read the cases directory " + directory + ": " + e, CliFailure.UNAVAILABLE);
        }
        List<Scenario> cases = new ArrayList<>();
        for (Path file : files) {
            if (file.toString().endsWith(".eml")) {
                cases.add(email(file));
            } else {
                cases.addAll(jsonCases(file));
            }
        }
        return cases;
    }

    private static List<Scenario> jsonCases(Path file) throws CliFailure {
        try {
            return SimulationCases.parse(read(file));
        } catch (IllegalArgumentException e) {
            throw new CliFailure(file + ": " + e.getMessage(), CliFailure.REFUSED);
        }
    }
}
