package org.hackablemail.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.hackablemail.launcher.WebAdminClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * James's mail repositories as an admin reads them over webadmin ({@code /mailRepositories}). Each mail read this way
 * later makes James 3.8.1 log "Leak detected! ... MimeMessageInputStreamSource": its MailRepositoryStoreService
 * disposes the {@code Optional} around the mail it retrieved rather than the mail. That is James's, not the bundle's.
 */
final class MailRepositories {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebAdminClient webAdmin;

    MailRepositories(WebAdminClient webAdmin) {
        this.webAdmin = webAdmin;
    }

    /** The mails in the repository at {@code path} (e.g. {@code memory://var/mail/plugin-rejected/}); none until James created it. */
    List<JsonNode> mails(String path) throws Exception {
        HttpResponse<String> keys = webAdmin.get(mailsPath(path));
        if (keys.statusCode() == 404) {
            return List.of();
        }
        List<JsonNode> mails = new ArrayList<>();
        for (JsonNode key : okJson(keys)) {
            mails.add(okJson(webAdmin.get(mailsPath(path) + "/" + URLEncoder.encode(key.asText(), StandardCharsets.UTF_8))));
        }
        return mails;
    }

    private static String mailsPath(String path) {
        return "/mailRepositories/" + URLEncoder.encode(path, StandardCharsets.UTF_8) + "/mails";
    }

    private static JsonNode okJson(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
