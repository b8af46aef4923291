package org.hackablemail.cli.plugin;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.hackablemail.plugin.simulation.Scenario;
import org.hackablemail.plugin.simulation.ScenarioResult;
import org.hackablemail.plugin.simulation.SimulationReport;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code hackmail plugin test PLUGIN.wasm [--email FILE.eml] [--cases DIR] [--timeout-millis MS]}: the server's
 * checks, locally.
 */
@Command(name = "test",
    mixinStandardHelpOptions = true,
    description = {"Validates the plugin and runs it in the same sandbox, with the same simulations, as the server "
        + "does on a push, and prints what it did in each: time, return code, deliver calls and the headers they "
        + "changed, reply calls, logs. Each runs on a warm instance and must take no longer than a call may in "
        + "production: 1 s by default, your server's plugin.timeout with --timeout-millis.",
        "With --email, runs it on that one message instead (the mock host accepts deliver and reply).",
        "With --config, the plugin reads those values with config_get, as your configuration on the server."},
    footer = GuestCommand.EXIT_CODES)
public class PluginTestCommand extends GuestCommand {
    @Parameters(index = "0", paramLabel = "PLUGIN.wasm", description = "The plugin module.")
    Path plugin;

    @Option(names = "--email", paramLabel = "FILE.eml", description = "A message to run the plugin on.")
    Path email;

    @Option(names = "--cases", paramLabel = "DIR", description = {"Your own simulation cases: *.json files (lists of "
        + "cases as a push takes them) and *.eml files (must not fail)."})
    Path cases;

    @Option(names = "--config", paramLabel = "KEY=VALUE", description = "A configuration value (may be repeated).")
    List<String> config = new ArrayList<>();

    @Option(names = "--timeout-millis", paramLabel = "MS", description = "What a call may take in production, when "
        + "your server's plugin.timeout is not the default.")
    Long timeoutMillis;

    @Override
    void run(PrintWriter out) throws CliFailure {
        if (email != null && cases != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--email and --cases cannot be used together");
        }
        if (timeoutMillis != null && timeoutMillis <= 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--timeout-millis must be positive");
        }
        byte[] wasm = PluginFiles.read(plugin);
        Scenario message = email == null ? null : PluginFiles.email(email);
        List<Scenario> ownerCases = cases == null ? List.of() : PluginFiles.cases(cases);
        err().println("Testing " + plugin + " (" + wasm.length + " bytes) ...");
        err().flush();
        try (LocalSandbox sandbox = new LocalSandbox(wasm, ConfigPairs.parse(config, spec),
            Optional.ofNullable(timeoutMillis).map(Duration::ofMillis))) {
            ReportPrinter printer = new ReportPrinter(out);
            if (message != null) {
                ScenarioResult result = sandbox.run(message);
                printer.print(result, sandbox.callTimeout().toMillis());
                failIf(!result.passed(), "the plugin failed on " + email);
                return;
            }
            SimulationReport report = sandbox.simulate(ownerCases);
            printer.print(report);
            out.flush();
            failIf(!report.passed(), "the plugin failed simulations: a push would be refused");
        }
    }

    private static void failIf(boolean failed, String message) throws CliFailure {
        if (failed) {
            throw new CliFailure(message, CliFailure.REFUSED);
        }
    }
}
