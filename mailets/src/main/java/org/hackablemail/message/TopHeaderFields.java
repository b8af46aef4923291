package org.hackablemail.message;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.internet.MimeMessage;
import javax.mail.util.SharedByteArrayInputStream;

import org.apache.james.lifecycle.api.LifecycleUtil;
import org.apache.james.server.core.MailImpl;
import org.apache.james.server.core.MimeMessageInputStream;
import org.apache.james.server.core.MimeMessageInputStreamSource;
import org.apache.mailet.Mail;

/**
 * Puts header fields at the very top of a mail's message and drops the existing fields a {@link FieldFilter} names;
 * every other byte of the message stays as it came. The message is streamed once into a new James message source
 * (in memory up to James's threshold, in a temporary file beyond) when the mail is James's own.
 *
 * <p>Why not javax.mail's {@code setHeader}: a changed header makes James save the message's changes when it writes
 * the message out, and javax.mail then adds {@code Date} and {@code MIME-Version} fields the sender did not write and
 * re-serialises the whole header. Each delivered message was some 60 bytes bigger for it, in every mailbox that
 * stores it and in every search James's mailbox runs over it.</p>
 */
public final class TopHeaderFields {
    private static final Pattern LINE_BREAK = Pattern.compile("\r?\n");

    /** Which existing fields to drop. */
    @FunctionalInterface
    public interface FieldFilter {
        /** @param value the field's value, unfolded and trimmed: built only for a filter that asks for it */
        boolean drop(String name, Supplier<String> value);
    }

    private TopHeaderFields() {
    }

    /** @param topLines complete header lines ({@code Name: value}, no line break) to put first, in this order */
    public static void put(Mail mail, List<String> topLines, FieldFilter dropped) throws MessagingException {
        if (mail instanceof MailImpl james) {
            putInSource(james, topLines, dropped);
        } else {
            putInMemory(mail, topLines, dropped);
        }
    }

    /** James disposes of a MailImpl's message with the mail, so its new message may live in a temporary file. */
    private static void putInSource(MailImpl mail, List<String> topLines, FieldFilter dropped) throws MessagingException {
        MimeMessageInputStreamSource source = MimeMessageInputStreamSource.create("hackablemail-" + UUID.randomUUID());
        try {
            try (InputStream in = new MimeMessageInputStream(mail.getMessage());
                 OutputStream out = source.getWritableOutputStream()) {
                rewrite(in, out, topLines, dropped);
            }
            mail.setMessageContent(source);
        } catch (IOException e) {
            LifecycleUtil.dispose(source);
            throw new MessagingException("Cannot rewrite the header of mail " + mail.getName(), e);
        } catch (MessagingException | RuntimeException e) {
            LifecycleUtil.dispose(source);
            throw e;
        }
    }

    /** Other Mail implementations may never dispose of their message: theirs is kept in memory. */
    private static void putInMemory(Mail mail, List<String> topLines, FieldFilter dropped) throws MessagingException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = new MimeMessageInputStream(mail.getMessage())) {
            rewrite(in, out, topLines, dropped);
        } catch (IOException e) {
            throw new MessagingException("Cannot rewrite the header of mail " + mail.getName(), e);
        }
        mail.setMessage(new MimeMessage(Session.getDefaultInstance(new Properties()),
            new SharedByteArrayInputStream(out.toByteArray())));
    }

    static void rewrite(InputStream message, OutputStream out, List<String> topLines, FieldFilter dropped) throws IOException {
        for (String line : topLines) {
            // A break inside a line would smuggle in a field of its own; the writers quote what senders give them.
            if (line.indexOf('\r') >= 0 || line.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("A header line must not hold a line break: " + line.replaceAll("[\r\n]", "\\\\n"));
            }
            out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        InputStream in = new BufferedInputStream(message);
        ByteArrayOutputStream field = new ByteArrayOutputStream();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (readLine(in, line)) {
            byte[] bytes = line.toByteArray();
            line.reset();
            if (isBlank(bytes)) {
                copyUnlessDropped(field, out, dropped);
                out.write(bytes);
                break;
            }
            boolean continuation = bytes[0] == ' ' || bytes[0] == '\t';
            if (!continuation) {
                copyUnlessDropped(field, out, dropped);
            }
            field.write(bytes);
        }
        copyUnlessDropped(field, out, dropped);
        in.transferTo(out);
    }

    /** Reads one line, its line break included; false at the end of the stream with nothing read. */
    private static boolean readLine(InputStream in, ByteArrayOutputStream line) throws IOException {
        int b;
        while ((b = in.read()) != -1) {
            line.write(b);
            if (b == '\n') {
                return true;
            }
        }
        return line.size() > 0;
    }

    private static boolean isBlank(byte[] line) {
        return line.length == 1 && line[0] == '\n' || line.length == 2 && line[0] == '\r' && line[1] == '\n';
    }

    private static void copyUnlessDropped(ByteArrayOutputStream field, OutputStream out, FieldFilter dropped) throws IOException {
        if (field.size() == 0) {
            return;
        }
        // ISO-8859-1 maps each byte to one char: the name and value are judged, the bytes themselves are copied.
        String text = field.toString(StandardCharsets.ISO_8859_1);
        int colon = text.indexOf(':');
        boolean drop = colon > 0 && dropped.drop(text.substring(0, colon).trim(),
            () -> LINE_BREAK.matcher(text.substring(colon + 1)).replaceAll("").trim());
        if (!drop) {
            field.writeTo(out);
        }
        field.reset();
    }
}
