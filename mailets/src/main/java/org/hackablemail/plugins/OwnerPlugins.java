package org.hackablemail.plugins;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.inject.Inject;

import org.apache.james.core.MailAddress;
import org.hackablemail.plugin.PluginDigest;
import org.hackablemail.plugin.host.EmailCall;
import org.hackablemail.plugin.host.Outcome;
import org.hackablemail.plugin.host.PluginHost;
import org.hackablemail.plugin.host.PluginRejectedException;
import org.hackablemail.plugin.store.PluginStore;
import org.hackablemail.plugin.store.PluginVersion;

/**
 * The mailbox owners' plugins: which one is active for an address, installing and removing them, and running them.
 * Every change goes through here, so the active plugin of each owner is cached in memory rather than read from the
 * store for every recipient of every message.
 */
public class OwnerPlugins {
    private final PluginStore store;
    private final PluginHost host;
    private final Map<String, Optional<PluginDigest>> activeByOwner = new ConcurrentHashMap<>();

    @Inject
    public OwnerPlugins(PluginStore store, PluginHost host) {
        this.store = store;
        this.host = host;
    }

    public Optional<PluginDigest> active(MailAddress owner) {
        return activeByOwner.computeIfAbsent(key(owner),
            address -> store.active(address).map(PluginVersion::digest));
    }

    public boolean hasPlugin(MailAddress owner) {
        return active(owner).isPresent();
    }

    public Optional<PluginVersion> activeVersion(MailAddress owner) {
        return store.active(key(owner));
    }

    public List<PluginVersion> history(MailAddress owner) {
        return store.history(key(owner));
    }

    /**
     * Validates and compiles the module, then makes it the owner's active plugin. Nothing changes when it is refused.
     *
     * @throws PluginRejectedException with a reason fit for the plugin's author
     */
    public PluginVersion install(MailAddress owner, byte[] wasm, String pushedBy) throws PluginRejectedException {
        host.install(wasm);
        PluginVersion version = store.push(key(owner), wasm, pushedBy);
        activeByOwner.remove(key(owner));
        return version;
    }

    /** Leaves the owner without a plugin; returns false when there was none. */
    public boolean remove(MailAddress owner) {
        if (active(owner).isEmpty()) {
            return false;
        }
        store.deactivate(key(owner));
        activeByOwner.remove(key(owner));
        return true;
    }

    /** Runs the owner's active plugin on one message; empty when the owner has none. */
    public Optional<Outcome> run(MailAddress owner, byte[] incomingEmailJson, boolean replyAllowed) {
        return active(owner).map(plugin ->
            host.onEmail(plugin, new EmailCall(key(owner), incomingEmailJson, Map.of(), replyAllowed)));
    }

    private static String key(MailAddress owner) {
        return owner.asString().toLowerCase(Locale.ROOT);
    }
}
