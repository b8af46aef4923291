package org.hackablemail.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The extension jar holds our classes and the libraries James lacks, and nothing that James itself provides. */
class ExtensionJarIT {
    private static List<String> entries;

    @BeforeAll
    static void readJar() throws IOException {
        try (JarFile jar = new JarFile(Path.of(System.getProperty("hackablemail.extension.jar")).toFile())) {
            entries = jar.stream().map(ZipEntry::getName).toList();
        }
    }

    @Test
    void shouldContainTheBundleClasses() {
        assertThat(entries).contains(
            "org/hackablemail/guice/HackableMailModule.class",
            "org/hackablemail/webadmin/StatusRoutes.class",
            "org/hackablemail/health/HackableMailHealthCheck.class",
            "org/hackablemail/hackable-mail-version.properties");
    }

    @Test
    void shouldNotContainJamesMailetOrJavaMailClasses() {
        assertThat(entries).noneMatch(name -> name.startsWith("org/apache/james/")
            || name.startsWith("org/apache/mailet/")
            || name.startsWith("javax/mail/")
            || name.startsWith("com/google/inject/")
            || name.startsWith("com/fasterxml/jackson/"));
    }

    /** James ships the DataStax driver (every app): the bundle uses James's copy. */
    @Test
    void shouldCarryTheCassandraStorageButNotTheDriver() {
        assertThat(entries)
            .contains("org/hackablemail/storage/cassandra/CassandraStorage.class")
            .noneMatch(name -> name.startsWith("com/datastax/") || name.contains("/datastax/oss/driver/")
                || name.startsWith("io/netty/") || name.equals("reference.conf"));
    }

    /** James ships both (mime4j 0.8.9, jsoup 1.15.3) and its parent-first class loader would pick its own anyway. */
    @Test
    void shouldCarryTheSnapshotButNeitherOfTheParsersJamesProvides() {
        assertThat(entries).contains("org/hackablemail/mime/MessageSnapshot.class")
            .noneMatch(name -> name.startsWith("org/jsoup/") || name.contains("/jsoup/")
                || name.startsWith("org/apache/james/mime4j/"));
    }

    @Test
    void shouldBundleChicoryUnrelocated() {
        assertThat(entries).anyMatch(name -> name.startsWith("com/dylibso/chicory/runtime/"));
    }

    @Test
    void shouldCarryAsmAndLuceneOnlyUnderTheRelocatedPackage() {
        assertThat(entries)
            .noneMatch(name -> name.contains("org/objectweb/asm/") && !name.startsWith("org/hackablemail/shaded/asm/"))
            .noneMatch(name -> name.contains("org/apache/lucene/"))
            .anyMatch(name -> name.startsWith("org/hackablemail/shaded/asm/"))
            .anyMatch(name -> name.startsWith("org/hackablemail/shaded/lucene/"));
    }
}
