package org.hackablemail.plugin.host;

/**
 * Counts what a module declares, reading its binary sections directly, and refuses it over a {@link ModuleLimits}
 * limit. Runs before the module is parsed: a parser handed 50,000 locals in two bytes, or a million tables, would
 * allocate for them before any later check could refuse them. Reads only section headers, vector counts and the
 * local declarations at the start of each function body: linear in the module's size, allocation-free.
 */
final class ModuleCensus {
    private static final int IMPORT = 2;
    private static final int FUNCTION = 3;
    private static final int TABLE = 4;
    private static final int GLOBAL = 6;
    private static final int ELEMENT = 9;
    private static final int DATA = 11;
    private static final int FUNCTION_IMPORT = 0;
    private static final int TABLE_IMPORT = 1;
    private static final int MEMORY_IMPORT = 2;
    private static final int GLOBAL_IMPORT = 3;
    private static final int TAG_IMPORT = 4;

    private final WasmCursor cursor;
    private final ModuleLimits limits;
    private int importedFunctions;

    private ModuleCensus(byte[] wasm, ModuleLimits limits) {
        this.cursor = new WasmCursor(wasm);
        this.limits = limits;
    }

    static void check(byte[] wasm, ModuleLimits limits) throws PluginRejectedException {
        try {
            new ModuleCensus(wasm, limits).check();
        } catch (WasmCursor.Malformed e) {
            throw new PluginRejectedException("Not a valid Wasm module: " + e.getMessage());
        }
    }

    private void check() throws PluginRejectedException {
        while (!cursor.atEnd()) {
            int id = cursor.readByte();
            int end = cursor.sectionEnd();
            checkSection(id, end);
            cursor.moveTo(end);
        }
    }

    private void checkSection(int id, int end) throws PluginRejectedException {
        switch (id) {
            case IMPORT -> countImportedFunctions(end);
            case FUNCTION -> atMost(cursor.readU32(), limits.maxFunctions(),
                "The module defines %d functions, the limit is %d");
            case TABLE -> atMost(cursor.readU32(), limits.maxTables(),
                "The module declares %d tables, the limit is %d");
            case GLOBAL -> atMost(cursor.readU32(), limits.maxGlobals(),
                "The module defines %d globals, the limit is %d");
            case ELEMENT -> atMost(cursor.readU32(), limits.maxElementSegments(),
                "The module has %d element segments, the limit is %d");
            case DATA -> atMost(cursor.readU32(), limits.maxDataSegments(),
                "The module has %d data segments, the limit is %d");
            case WasmCursor.CODE_SECTION -> checkFunctionBodies(end);
            default -> {
                // Nothing in the other sections escapes the limits: their size is bounded by the module's.
            }
        }
    }

    private void countImportedFunctions(int end) {
        long imports = cursor.readU32();
        for (long i = 0; i < imports && cursor.position() < end; i++) {
            cursor.skipName();
            cursor.skipName();
            int kind = cursor.readByte();
            switch (kind) {
                case FUNCTION_IMPORT -> {
                    cursor.readU32();
                    importedFunctions++;
                }
                case TABLE_IMPORT -> {
                    cursor.skipValueType();
                    cursor.skipLimits();
                }
                case MEMORY_IMPORT -> cursor.skipLimits();
                case GLOBAL_IMPORT -> {
                    cursor.skipValueType();
                    cursor.readByte();
                }
                case TAG_IMPORT -> {
                    cursor.readByte();
                    cursor.readU32();
                }
                default -> throw new WasmCursor.Malformed("unknown import kind " + kind);
            }
        }
    }

    private void checkFunctionBodies(int end) throws PluginRejectedException {
        long bodies = cursor.readU32();
        atMost(bodies, limits.maxFunctions(), "The module defines %d functions, the limit is %d");
        for (int i = 0; i < bodies; i++) {
            int bodyEnd = cursor.bodyEnd(end);
            int size = bodyEnd - cursor.position();
            String function = "Function " + (importedFunctions + i);
            if (size > limits.maxFunctionBodyBytes()) {
                throw new PluginRejectedException(function + " has " + size + " bytes of code, the limit is "
                    + limits.maxFunctionBodyBytes());
            }
            long groups = cursor.readU32();
            long locals = 0;
            for (long group = 0; group < groups && cursor.position() < bodyEnd; group++) {
                locals += cursor.readU32();
                cursor.skipValueType();
            }
            if (locals > limits.maxLocalsPerFunction()) {
                throw new PluginRejectedException(function + " declares " + locals + " locals, the limit is "
                    + limits.maxLocalsPerFunction());
            }
            cursor.moveTo(bodyEnd);
        }
    }

    private static void atMost(long count, int limit, String message) throws PluginRejectedException {
        if (count > limit) {
            throw new PluginRejectedException(String.format(message, count, limit));
        }
    }
}
