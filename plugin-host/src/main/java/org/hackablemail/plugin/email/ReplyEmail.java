package org.hackablemail.plugin.email;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The input of a plugin's {@code reply} import: the reply to mail to the original sender. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReplyEmail(String subject, String body) {
}
