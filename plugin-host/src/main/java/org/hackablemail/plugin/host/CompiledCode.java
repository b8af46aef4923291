package org.hackablemail.plugin.host;

import java.util.Objects;

import org.hackablemail.plugin.PluginDigest;

/**
 * A plugin's compiled code as bytes, what the disk cache keeps: the module's {@link ModuleSkeleton} and the classes
 * Chicory's compiler generated for it (in Chicory's cache format, a jar).
 *
 * @param digest the digest of the whole module, which names the plugin
 */
record CompiledCode(PluginDigest digest, byte[] skeleton, byte[] classes) {

    CompiledCode {
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(skeleton, "skeleton");
        Objects.requireNonNull(classes, "classes");
    }

    long bytes() {
        return (long) skeleton.length + classes.length;
    }
}
