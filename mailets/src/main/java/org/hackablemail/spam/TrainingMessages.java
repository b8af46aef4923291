package org.hackablemail.spam;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import javax.mail.MessagingException;
import javax.mail.Multipart;
import javax.mail.Part;
import javax.mail.internet.MimeMessage;

/**
 * The messages a user means to teach the filter with a training mail: each message forwarded as an attachment
 * ({@code message/rfc822}, at any depth of {@code multipart/*}), or, when there is none, the mail itself (a redirect).
 */
public final class TrainingMessages {
    private TrainingMessages() {
    }

    public static List<byte[]> of(MimeMessage mail, long maxBytes) throws MessagingException {
        List<byte[]> attached = new ArrayList<>();
        try {
            collectAttached(mail, maxBytes, attached);
        } catch (IOException e) {
            throw new MessagingException("Cannot read the training mail", e);
        }
        if (attached.isEmpty()) {
            return List.of(MessageBytes.read(mail, maxBytes));
        }
        return attached;
    }

    private static void collectAttached(Part part, long maxBytes, List<byte[]> attached) throws MessagingException, IOException {
        if (part.isMimeType("message/rfc822")) {
            try (InputStream message = part.getInputStream()) {
                attached.add(message.readNBytes((int) Math.min(maxBytes, Integer.MAX_VALUE - 8)));
            }
        } else if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                collectAttached(multipart.getBodyPart(i), maxBytes, attached);
            }
        }
    }
}
