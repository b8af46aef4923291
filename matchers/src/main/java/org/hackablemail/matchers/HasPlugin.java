package org.hackablemail.matchers;

import java.util.Collection;

import javax.inject.Inject;
import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMatcher;
import org.hackablemail.core.plugins.OwnerPlugins;
import org.hackablemail.mailets.WasmPluginMailet;
import org.hackablemail.plugins.JamesOwners;

import com.google.common.collect.ImmutableList;

/**
 * Matches the recipients who own an active plugin, unless their plugin already handled the mail (it then carries
 * the {@code hackablemail.plugin.outcome} attribute).
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
        if (mail.getAttribute(WasmPluginMailet.OUTCOME).isPresent()) {
            return ImmutableList.of();
        }
        return mail.getRecipients().stream()
            .filter(recipient -> plugins.hasPlugin(JamesOwners.of(recipient)))
            .collect(ImmutableList.toImmutableList());
    }

    @Override
    public String getMatcherInfo() {
        return "Hackable Mail: recipients who own an active plugin";
    }
}
