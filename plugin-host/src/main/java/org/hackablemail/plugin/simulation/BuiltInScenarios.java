package org.hackablemail.plugin.simulation;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The scenarios every plugin goes through before it becomes active, after the XTP email demo's simulations:
 * {@code deliver} and {@code reply} each succeeding or failing, and the awkward messages real mail brings. In each,
 * the plugin must return an integer without trapping or timing out; what it does is its owner's business.
 */
public final class BuiltInScenarios {
    /** Large, but well within the default input cap: a plugin must cope with the bodies real mail has. */
    static final int LARGE_BODY_CHARS = 200_000;

    private static final String ORDINARY = """
        From: Alice <alice@simulation.test>
        To: owner@simulation.test
        Subject: News about Project XYZ
        Message-ID: <simulation-1@simulation.test>
        Content-Type: text/plain; charset=UTF-8

        Hello, here is the weekly update about Project XYZ.
        """;

    private BuiltInScenarios() {
    }

    public static List<Scenario> all() {
        return List.of(
            scenario("deliver and reply succeed", ORDINARY, true, true),
            scenario("deliver fails", ORDINARY, false, true),
            scenario("reply fails", ORDINARY, true, false),
            scenario("no Subject", """
                From: alice@simulation.test
                To: owner@simulation.test
                Content-Type: text/plain; charset=UTF-8

                A message without a subject.
                """, true, true),
            scenario("empty body", """
                From: alice@simulation.test
                To: owner@simulation.test
                Subject: Nothing to say

                """, true, true),
            scenario("large body", """
                From: alice@simulation.test
                To: owner@simulation.test
                Subject: A long read
                Content-Type: text/plain; charset=UTF-8

                """ + "All work and no play makes Jack a dull boy. ".repeat(LARGE_BODY_CHARS / 44) + "\n",
                true, true),
            scenario("non-ASCII headers", """
                From: =?UTF-8?Q?Ren=C3=A9e_M=C3=BCller?= <renee@simulation.test>
                To: owner@simulation.test
                Subject: =?UTF-8?B?UsOpdW5pb24g5Lya6K2wIPCfjok=?=
                Content-Type: text/plain; charset=UTF-8
                Content-Transfer-Encoding: 8bit

                Grüße, 你好, 🎉
                """, true, true),
            scenario("HTML-only mail", """
                From: alice@simulation.test
                To: owner@simulation.test
                Subject: Newsletter
                MIME-Version: 1.0
                Content-Type: text/html; charset=UTF-8

                <html><head><style>p {color: red}</style></head>
                <body><p>Hello &amp; welcome</p><p>Read <a href="https://example.org">more</a></p></body></html>
                """, true, true));
    }

    private static Scenario scenario(String name, String message, boolean deliverSucceeds, boolean replySucceeds) {
        return new Scenario(name, message.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8), deliverSucceeds,
            replySucceeds, Expectation.none());
    }
}
