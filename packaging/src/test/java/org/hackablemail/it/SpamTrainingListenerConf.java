package org.hackablemail.it;

import java.nio.file.Files;
import java.nio.file.Path;

/** Turns on options of the SpamTrainingListener block of james-conf/listeners.xml, all off there. */
final class SpamTrainingListenerConf {
    private SpamTrainingListenerConf() {
    }

    /** Sets each of the listener's boolean options, e.g. {@code keywords}, to {@code true}. */
    static InProcessJames.ConfCustomizer turnOn(String... options) {
        return conf -> {
            Path listeners = conf.resolve("listeners.xml");
            String xml = Files.readString(listeners);
            for (String option : options) {
                String off = "<" + option + ">false</" + option + ">";
                if (!xml.contains(off)) {
                    throw new IllegalStateException("listeners.xml no longer sets " + off + " as the tests expect");
                }
                xml = xml.replace(off, "<" + option + ">true</" + option + ">");
            }
            Files.writeString(listeners, xml);
        };
    }
}
