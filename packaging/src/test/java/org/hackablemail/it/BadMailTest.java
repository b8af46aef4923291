package org.hackablemail.it;

import org.apache.james.JamesServerExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The bad-mail suite against James in the test JVM, with the bundle on its classpath. */
class BadMailTest extends BadMailContract {
    private static final InProcessJames JAMES = new InProcessJames();

    @RegisterExtension
    static JamesServerExtension server = JAMES.extension();

    @Override
    protected RunningJames james() {
        return JAMES;
    }
}
