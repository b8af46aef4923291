package org.hackablemail.plugin.sandbox;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.hackablemail.plugin.sandbox.worker.WorkerMain;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.log.Logger;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasm.Parser;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The command line of a worker process: this JVM's {@code java}, a fixed heap, death on {@code OutOfMemoryError}, and
 * a class path made of the code sources of the classes a worker needs. Taken from the classes themselves, not from
 * {@code java.class.path}: in James, the bundle comes from {@code extensions-jars/} through a class loader of its own
 * (the shaded jar, holding Chicory and a relocated ASM) and Jackson from James's {@code lib/}; in tests, from
 * {@code target/classes} and the local Maven repository.
 */
final class WorkerCommand {
    /** One class from each library a worker loads (ASM is reached through Chicory's compiler, in the same jar). */
    private static final List<Class<?>> NEEDED = List.of(WorkerMain.class, Instance.class, Parser.class,
        MachineFactoryCompiler.class, WasiPreview1.class, Logger.class, org.objectweb.asm.ClassWriter.class,
        org.objectweb.asm.commons.ClassRemapper.class, org.objectweb.asm.tree.ClassNode.class,
        org.objectweb.asm.util.CheckClassAdapter.class, org.objectweb.asm.tree.analysis.Analyzer.class,
        ObjectMapper.class, JsonFactory.class, JsonInclude.class);

    private WorkerCommand() {
    }

    /**
     * @param heapBytes the worker's {@code -Xmx}
     * @param metaspaceBytes its {@code -XX:MaxMetaspaceSize}: compiled plugin classes live there
     */
    static List<String> of(long heapBytes, long metaspaceBytes) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heapBytes / 1024 + "k");
        command.add("-Xms" + Math.min(heapBytes, 32L * 1024 * 1024) / 1024 + "k");
        command.add("-XX:MaxMetaspaceSize=" + metaspaceBytes / 1024 + "k");
        command.add("-XX:ReservedCodeCacheSize=64m");
        command.add("-XX:+ExitOnOutOfMemoryError");
        // One collector thread: a worker's heap is small, and the machine's cores are for the calls.
        command.add("-XX:+UseSerialGC");
        command.add("-XX:-UsePerfData");
        command.add("-Xshare:auto");
        command.add("-Djava.awt.headless=true");
        command.add("-cp");
        command.add(classPath());
        command.add(WorkerMain.class.getName());
        return command;
    }

    static String classPath() {
        Set<String> entries = new LinkedHashSet<>();
        for (Class<?> needed : NEEDED) {
            entries.add(location(needed));
        }
        return String.join(File.pathSeparator, entries);
    }

    private static String location(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            throw new IllegalStateException("No code source for " + type.getName() + ": a worker cannot load it");
        }
        try {
            return Path.of(source.getLocation().toURI()).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IllegalStateException("The code source of " + type.getName() + " is not a file: "
                + source.getLocation(), e);
        }
    }
}
