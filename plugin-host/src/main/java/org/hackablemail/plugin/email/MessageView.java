package org.hackablemail.plugin.email;

import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.mail.Header;
import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeUtility;

/**
 * What a plugin sees of a MIME message, envelope aside: its decoded headers (in order, and by name as the XTP schema
 * has them, first occurrence wins), its text (text/plain, else the text of the HTML) and its attachments.
 */
public record MessageView(List<IncomingEmail.Header> headerList, Map<String, String> headers, String text,
                          List<IncomingEmail.Attachment> attachments, String messageId) {

    public static MessageView of(MimeMessage message) throws MessagingException {
        List<IncomingEmail.Header> headerList = new ArrayList<>();
        for (Header header : Collections.list(message.getAllHeaders())) {
            headerList.add(new IncomingEmail.Header(header.getName(), decode(header.getValue())));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headerList.forEach(header -> headers.putIfAbsent(header.name(), header.value()));
        MessageContent content = MessageContent.of(message);
        return new MessageView(List.copyOf(headerList), Collections.unmodifiableMap(headers), content.text(),
            content.attachments(), message.getMessageID());
    }

    public String subject() {
        return headers.get("Subject");
    }

    /** The view as the input of {@code onEmail}, for this envelope; the extras James adds are left out. */
    public IncomingEmail toIncomingEmail(String sender, String receiver, long size) {
        return new IncomingEmail(sender, receiver, headers, text, messageId, subject(), headerList, attachments,
            null, null, null, size, null, null);
    }

    private static String decode(String rawValue) {
        String unfolded = MimeUtility.unfold(rawValue == null ? "" : rawValue).strip();
        try {
            return MimeUtility.decodeText(unfolded);
        } catch (UnsupportedEncodingException | RuntimeException e) {
            return unfolded;
        }
    }
}
