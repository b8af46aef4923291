package org.hackablemail.plugin.host;

/**
 * What a module may declare, checked at validation from the module's bytes alone, before it is parsed or compiled:
 * the same module gets the same answer on every machine and at every load. Each limit bounds something the JVM
 * holds outside the plugin's linear memory (compiled code, frames, tables, globals, segments), or the time the
 * compiler takes.
 *
 * @param maxModuleBytes largest module accepted
 * @param maxFunctions functions the module defines (imports not counted)
 * @param maxFunctionBodyBytes size of one function's code
 * @param maxLocalsPerFunction locals one function declares (parameters not counted)
 * @param maxTables tables the module declares
 * @param maxTableElements elements of all the tables of one instance together, at start and after any growth
 * @param maxGlobals globals the module defines
 * @param maxDataSegments data segments
 * @param maxElementSegments element segments
 */
public record ModuleLimits(
        int maxModuleBytes,
        int maxFunctions,
        int maxFunctionBodyBytes,
        int maxLocalsPerFunction,
        int maxTables,
        int maxTableElements,
        int maxGlobals,
        int maxDataSegments,
        int maxElementSegments) {
    private static final int KIB = 1024;

    public ModuleLimits {
        if (maxModuleBytes < 8 || maxFunctions < 1 || maxFunctionBodyBytes < 1 || maxLocalsPerFunction < 0
            || maxTables < 0 || maxTableElements < 0 || maxGlobals < 0 || maxDataSegments < 0
            || maxElementSegments < 0) {
            throw new IllegalArgumentException("Invalid module limits: " + this);
        }
    }

    /** Generous for plugins built by the PDKs' toolchains (the examples use at most 101 functions, 213 segments). */
    public static ModuleLimits defaults() {
        return new ModuleLimits(8 * KIB * KIB, 10_000, 128 * KIB, 4_096, 4, 100_000, 1_000, 10_000, 1_000);
    }

    public ModuleLimits withMaxModuleBytes(int bytes) {
        return new ModuleLimits(bytes, maxFunctions, maxFunctionBodyBytes, maxLocalsPerFunction, maxTables,
            maxTableElements, maxGlobals, maxDataSegments, maxElementSegments);
    }

    public ModuleLimits withMaxFunctions(int functions) {
        return new ModuleLimits(maxModuleBytes, functions, maxFunctionBodyBytes, maxLocalsPerFunction, maxTables,
            maxTableElements, maxGlobals, maxDataSegments, maxElementSegments);
    }

    public ModuleLimits withMaxFunctionBodyBytes(int bytes) {
        return new ModuleLimits(maxModuleBytes, maxFunctions, bytes, maxLocalsPerFunction, maxTables,
            maxTableElements, maxGlobals, maxDataSegments, maxElementSegments);
    }

    public ModuleLimits withMaxLocalsPerFunction(int locals) {
        return new ModuleLimits(maxModuleBytes, maxFunctions, maxFunctionBodyBytes, locals, maxTables,
            maxTableElements, maxGlobals, maxDataSegments, maxElementSegments);
    }

    public ModuleLimits withMaxTables(int tables) {
        return new ModuleLimits(maxModuleBytes, maxFunctions, maxFunctionBodyBytes, maxLocalsPerFunction, tables,
            maxTableElements, maxGlobals, maxDataSegments, maxElementSegments);
    }

    public ModuleLimits withMaxTableElements(int elements) {
        return new ModuleLimits(maxModuleBytes, maxFunctions, maxFunctionBodyBytes, maxLocalsPerFunction, maxTables,
            elements, maxGlobals, maxDataSegments, maxElementSegments);
    }

    public ModuleLimits withMaxGlobals(int globals) {
        return new ModuleLimits(maxModuleBytes, maxFunctions, maxFunctionBodyBytes, maxLocalsPerFunction, maxTables,
            maxTableElements, globals, maxDataSegments, maxElementSegments);
    }

    public ModuleLimits withMaxDataSegments(int segments) {
        return new ModuleLimits(maxModuleBytes, maxFunctions, maxFunctionBodyBytes, maxLocalsPerFunction, maxTables,
            maxTableElements, maxGlobals, segments, maxElementSegments);
    }

    public ModuleLimits withMaxElementSegments(int segments) {
        return new ModuleLimits(maxModuleBytes, maxFunctions, maxFunctionBodyBytes, maxLocalsPerFunction, maxTables,
            maxTableElements, maxGlobals, maxDataSegments, segments);
    }
}
