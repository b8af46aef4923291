package org.hackablemail.plugin.host;

import java.util.Optional;

import org.hackablemail.plugin.PluginDigest;

/** Where the host finds a plugin's bytes when its compiled code is not cached (after eviction or restart). */
@FunctionalInterface
public interface PluginSource {

    Optional<byte[]> load(PluginDigest digest);
}
