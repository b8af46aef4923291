package org.hackablemail.spam;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.MessageIdManager;
import org.apache.james.mailbox.exception.MailboxException;
import org.apache.james.mailbox.model.FetchGroup;
import org.apache.james.mailbox.model.MessageId;
import org.apache.james.mailbox.model.MessageResult;

/** Reads a message out of a mailbox for the filter to learn, as the tagger reads incoming mail: its first bytes. */
public final class MailboxMessages {
    /** What the tagger reads of a message by default, and so what training reads. */
    public static final long DEFAULT_MAX_BYTES = 512 * 1024;

    private MailboxMessages() {
    }

    /**
     * The first {@code maxBytes} bytes of the message.
     *
     * @throws MessageGoneException when the message no longer exists for this session
     */
    public static byte[] content(MessageIdManager messages, MessageId messageId, MailboxSession session, long maxBytes) {
        try {
            List<MessageResult> results = messages.getMessage(messageId, FetchGroup.FULL_CONTENT, session);
            if (results.isEmpty()) {
                throw new MessageGoneException(messageId);
            }
            try (InputStream content = results.get(0).getFullContent().getInputStream()) {
                return content.readNBytes((int) Math.min(maxBytes, Integer.MAX_VALUE - 8));
            }
        } catch (MailboxException e) {
            throw new UncheckedIOException("Cannot read message " + messageId.serialize(), new IOException(e));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read message " + messageId.serialize(), e);
        }
    }

    /** The message was expunged before it could be read: there is nothing left to learn from. */
    public static final class MessageGoneException extends RuntimeException {
        MessageGoneException(MessageId messageId) {
            super("Message " + messageId.serialize() + " no longer exists");
        }
    }
}
