package org.hackablemail.matchers;

import java.util.Collection;

import javax.inject.Inject;
import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMatcher;
import org.hackablemail.core.plugins.OwnerPlugins;
import org.hackablemail.core.store.StorageUnavailableException;
import org.hackablemail.mailets.BundleMessages;
import org.hackablemail.mailets.WasmPluginMailet;
import org.hackablemail.plugins.JamesOwners;

import com.google.common.collect.ImmutableList;

/**
 * Matches the recipients who own an active plugin, unless their plugin already handled the mail (it then carries
 * the {@code hackablemail.plugin.outcome} attribute) or the mail is one of the bundle's own ({@link BundleMessages}).
 * When the plugin store cannot be read, it matches: {@link WasmPluginMailet} then defers the mail.
 *
 * <pre>{@code
 * <mailet match="org.hackablemail.matchers.HasPlugin" class="org.hackablemail.mailets.WasmPluginMailet"/>
 * }</pre>
 */
public class HasPlugin extends GenericMatcher {
    private final OwnerPlugins plugins;

    @Inject
    public HasPlugin(OwnerPlugins plugins) {
        this.plugins = plugins;
    }

    @Override
    public void init() throws MessagingException {
        if (getCondition() != null && !getCondition().isBlank()) {
            throw new MessagingException("HasPlugin takes no condition, got '" + getCondition() + "'");
        }
    }

    @Override
    public Collection<MailAddress> match(Mail mail) {
        if (mail.getAttribute(WasmPluginMailet.OUTCOME).isPresent() || BundleMessages.isBundleMessage(mail)) {
            return ImmutableList.of();
        }
        return mail.getRecipients().stream()
            .filter(this::mayHavePlugin)
            .collect(ImmutableList.toImmutableList());
    }

    private boolean mayHavePlugin(MailAddress recipient) {
        try {
            return plugins.hasPlugin(JamesOwners.of(recipient));
        } catch (StorageUnavailableException e) {
            return true;
        }
    }

    @Override
    public String getMatcherInfo() {
        return "Hackable Mail: recipients who own an active plugin";
    }
}
