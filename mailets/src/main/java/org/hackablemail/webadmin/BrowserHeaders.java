package org.hackablemail.webadmin;

import spark.Response;

/**
 * The headers of every answer a browser may show for the owner console: the console's own files and the guest
 * endpoint's JSON. The Content-Security-Policy lets a page load scripts, styles, images and data from this server
 * only, and nothing inline, so that text from a message or a plugin can never run as code even if it were ever
 * written as markup; no other site may frame the console.
 */
final class BrowserHeaders {
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; "
        + "form-action 'self'";

    private BrowserHeaders() {
    }

    static void apply(Response response) {
        response.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.header("X-Content-Type-Options", "nosniff");
        response.header("X-Frame-Options", "DENY");
        response.header("Referrer-Policy", "no-referrer");
        response.header("Cache-Control", "no-store");
    }
}
