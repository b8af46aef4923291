package org.hackablemail.message;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.inject.Inject;
import javax.mail.Header;
import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

import org.apache.james.server.core.MimeMessageInputStream;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeUtils;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.hackablemail.mime.HeaderField;
import org.hackablemail.mime.MessageSnapshot;
import org.hackablemail.mime.MimeLimits;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;

/**
 * The one {@link MessageSnapshot} of each mail, shared by every mailet that reads the message (the spam tagger in the
 * root processor, the plugins in local-delivery). The mail carries the snapshot's key in the attribute
 * {@value #ATTRIBUTE_NAME}; the snapshots themselves stay in this node's memory, bounded by what they keep, for a few
 * minutes. The key travels with the mail: through processors, to the copies James makes when a matcher or a mailet
 * splits the recipients, and through the spool. Another node, or a mail that comes back after its snapshot was
 * evicted, is read again. A mailet that replaces a mail's message calls {@link #forget(Mail)}.
 *
 * <p>Only the content is shared: header fields are added after the snapshot (SPF, spam verdicts), so readers of the
 * header ask for the {@link #currentHeader(MimeMessage) current} one.</p>
 */
public class MailSnapshots {
    public static final String ATTRIBUTE_NAME = "hackablemail.mime.snapshot";
    public static final AttributeName ATTRIBUTE = AttributeName.of(ATTRIBUTE_NAME);
    /** About two bytes a kept character: 64 MB of snapshots at the most, whatever the mail. */
    private static final long MAX_KEPT_CHARS = 32L * 1024 * 1024;
    private static final Duration KEPT_FOR = Duration.ofMinutes(5);

    private final MimeLimits limits;
    private final Cache<String, MessageSnapshot> snapshots = CacheBuilder.newBuilder()
        .maximumWeight(MAX_KEPT_CHARS)
        .weigher((String key, MessageSnapshot snapshot) -> (int) Math.min(Integer.MAX_VALUE, 1 + snapshot.keptChars()))
        .expireAfterWrite(KEPT_FOR)
        .build();

    @Inject
    public MailSnapshots() {
        this(MimeLimits.DEFAULT);
    }

    public MailSnapshots(MimeLimits limits) {
        this.limits = limits;
    }

    /** The mail's snapshot: the one taken before if this node still has it, else a new one, taken now. */
    public MessageSnapshot of(Mail mail) throws MessagingException {
        Optional<MessageSnapshot> taken = AttributeUtils.getValueAndCastFromMail(mail, ATTRIBUTE, String.class)
            .map(snapshots::getIfPresent);
        if (taken.isPresent()) {
            return taken.get();
        }
        MessageSnapshot snapshot = read(mail.getMessage());
        String key = UUID.randomUUID().toString();
        snapshots.put(key, snapshot);
        mail.setAttribute(new Attribute(ATTRIBUTE, AttributeValue.of(key)));
        return snapshot;
    }

    /** For a mail whose message was replaced: its next reader takes a new snapshot. */
    public static void forget(Mail mail) {
        mail.removeAttribute(ATTRIBUTE);
    }

    /** The message's header fields as they are now, read as the snapshot reads its own. */
    public List<HeaderField> currentHeader(MimeMessage message) throws MessagingException {
        List<HeaderField> fields = new ArrayList<>();
        for (Header header : Collections.list(message.getAllHeaders())) {
            if (fields.size() == limits.maxHeaderFields()) {
                break;
            }
            fields.add(HeaderField.of(header.getName(), header.getValue(), limits.maxFieldChars()));
        }
        return fields;
    }

    private MessageSnapshot read(MimeMessage message) throws MessagingException {
        try (InputStream in = new MimeMessageInputStream(message)) {
            return MessageSnapshot.read(in, limits);
        } catch (IOException e) {
            throw new MessagingException("Cannot read the message", e);
        }
    }
}
