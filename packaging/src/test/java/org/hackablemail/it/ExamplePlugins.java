package org.hackablemail.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The committed plugin binaries the end-to-end tests install: PDK examples and the host's test plugins. */
enum ExamplePlugins {
    PROJECT_XYZ_ASSEMBLYSCRIPT("pdk/examples/project-xyz-as/project-xyz.wasm"),
    PROJECT_XYZ_C("pdk/examples/project-xyz-c/project-xyz.wasm"),
    SUBJECT_TAGGER_WAT("pdk/examples/subject-tagger-wat/subject-tagger.wasm"),
    SUBJECT_BLOCKER_C("pdk/examples/subject-blocker-c/subject-blocker.wasm"),
    VACATION_RUST("pdk/examples/vacation-rust/vacation.wasm"),
    DROP("plugin-host/src/test/resources/plugins/drop.wasm"),
    DELIVER_INPUT("plugin-host/src/test/resources/plugins/deliver-input.wasm"),
    REFUSE_77("plugin-host/src/test/resources/plugins/refuse-77.wasm"),
    TRY_LATER("plugin-host/src/test/resources/plugins/try-later.wasm"),
    TRAP("plugin-host/src/test/resources/plugins/trap.wasm"),
    INFINITE_LOOP("plugin-host/src/test/resources/plugins/infinite-loop.wasm"),
    SLOW("plugin-host/src/test/resources/plugins/slow.wasm"),
    MISSING_ON_EMAIL("plugin-host/src/test/resources/plugins/missing-on-email.wasm"),
    /** Delivers with X-Seen-Attachments and X-Seen-Problems: what it was given (packaging/src/test/wat). */
    REPORT_SEEN("packaging/src/test/resources/plugins/report-seen.wasm");

    private final String path;

    ExamplePlugins(String path) {
        this.path = path;
    }

    Path path() {
        return Path.of(System.getProperty("hackablemail.repository", ".."), path);
    }

    byte[] wasm() {
        try {
            return Files.readAllBytes(path());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
