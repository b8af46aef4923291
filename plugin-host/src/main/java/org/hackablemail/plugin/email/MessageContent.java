package org.hackablemail.plugin.email;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.mail.MessagingException;
import javax.mail.Multipart;
import javax.mail.Part;

/**
 * What a plugin sees of a message's content: the text of its first text/plain part (else the text of its first
 * text/html part) and the list of its attachments. Malformed MIME never fails the call: what cannot be read is
 * left out.
 */
final class MessageContent {
    private static final int MAX_DEPTH = 16;

    private String plainText;
    private String htmlText;
    private final List<IncomingEmail.Attachment> attachments = new ArrayList<>();

    private MessageContent() {
    }

    static MessageContent of(Part message) {
        MessageContent content = new MessageContent();
        try {
            content.visit(message, 0);
        } catch (MessagingException | IOException | RuntimeException e) {
            // Unreadable MIME structure: the plugin sees what was read before.
        }
        return content;
    }

    String text() {
        return Optional.ofNullable(plainText)
            .or(() -> Optional.ofNullable(htmlText).map(HtmlText::toText))
            .orElse("");
    }

    List<IncomingEmail.Attachment> attachments() {
        return List.copyOf(attachments);
    }

    private void visit(Part part, int depth) throws MessagingException, IOException {
        if (depth > MAX_DEPTH) {
            return;
        }
        if (isAttachment(part)) {
            attachments.add(new IncomingEmail.Attachment(part.getFileName(), baseType(part), size(part)));
        } else if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                visit(multipart.getBodyPart(i), depth + 1);
            }
        } else if (part.isMimeType("text/plain") && plainText == null) {
            plainText = textOf(part);
        } else if (part.isMimeType("text/html") && htmlText == null) {
            htmlText = textOf(part);
        }
    }

    private static boolean isAttachment(Part part) throws MessagingException {
        return Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())
            || (part.getFileName() != null && !part.isMimeType("multipart/*"));
    }

    private static String textOf(Part part) throws MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof String text) {
            return text;
        }
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String baseType(Part part) throws MessagingException {
        String contentType = part.getContentType();
        int parameters = contentType.indexOf(';');
        return (parameters < 0 ? contentType : contentType.substring(0, parameters)).trim().toLowerCase();
    }

    /** The decoded size when known, else the encoded size (as MIME reports it). */
    private static long size(Part part) throws MessagingException {
        return Math.max(part.getSize(), 0);
    }
}
