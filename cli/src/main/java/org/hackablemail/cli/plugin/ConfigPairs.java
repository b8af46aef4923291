package org.hackablemail.cli.plugin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** {@code KEY=VALUE} arguments: what a plugin reads with {@code config_get}. */
final class ConfigPairs {
    private ConfigPairs() {
    }

    /** The pairs in order; the value is everything after the first {@code =}, and may be empty. */
    static Map<String, String> parse(List<String> pairs, CommandSpec spec) {
        Map<String, String> config = new LinkedHashMap<>();
        for (String pair : pairs) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                    "'" + pair + "' is not KEY=VALUE (e.g. greeting=Hello)");
            }
            config.put(pair.substring(0, equals), pair.substring(equals + 1));
        }
        return config;
    }
}
