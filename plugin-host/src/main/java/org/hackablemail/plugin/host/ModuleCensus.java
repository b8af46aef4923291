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
    private static final int CODE = 10;
    private static final int DATA = 11;
    private static final int FUNCTION_IMPORT = 0;
    private static final int TABLE_IMPORT = 1;
    private static final int MEMORY_IMPORT = 2;
    private static final int GLOBAL_IMPORT = 3;
    private static final int TAG_IMPORT = 4;
    /** Value types with a heap type after them (function-references proposal): {@code (ref null ht)}, {@code (ref ht)}. */
    private static final int REF_NULL = 0x63;
    private static final int REF = 0x64;

    private final byte[] wasm;
    private final ModuleLimits limits;
    private int position;
    private int importedFunctions;

    private ModuleCensus(byte[] wasm, ModuleLimits limits) {
        this.wasm = wasm;
        this.limits = limits;
    }

    static void check(byte[] wasm, ModuleLimits limits) throws PluginRejectedException {
        try {
            new ModuleCensus(wasm, limits).check();
        } catch (Malformed e) {
            throw new PluginRejectedException("Not a valid Wasm module: " + e.getMessage());
        }
    }

    private void check() throws PluginRejectedException {
        if (wasm.length < 8 || wasm[0] != 0 || wasm[1] != 'a' || wasm[2] != 's' || wasm[3] != 'm') {
            throw new Malformed("magic header not detected");
        }
        position = 8;
        while (position < wasm.length) {
            int id = readByte();
            long size = readU32Unsigned();
            if (size > wasm.length - position) {
                throw new Malformed("section " + id + " runs past the end of the module");
            }
            int end = position + (int) size;
            checkSection(id, end);
            position = end;
        }
    }

    private void checkSection(int id, int end) throws PluginRejectedException {
        switch (id) {
            case IMPORT -> countImportedFunctions(end);
            case FUNCTION -> atMost(readU32Unsigned(), limits.maxFunctions(),
                "The module defines %d functions, the limit is %d");
            case TABLE -> atMost(readU32Unsigned(), limits.maxTables(),
                "The module declares %d tables, the limit is %d");
            case GLOBAL -> atMost(readU32Unsigned(), limits.maxGlobals(),
                "The module defines %d globals, the limit is %d");
            case ELEMENT -> atMost(readU32Unsigned(), limits.maxElementSegments(),
                "The module has %d element segments, the limit is %d");
            case DATA -> atMost(readU32Unsigned(), limits.maxDataSegments(),
                "The module has %d data segments, the limit is %d");
            case CODE -> checkFunctionBodies(end);
            default -> {
                // Nothing in the other sections escapes the limits: their size is bounded by the module's.
            }
        }
    }

    private void countImportedFunctions(int end) {
        long imports = readU32Unsigned();
        for (long i = 0; i < imports && position < end; i++) {
            skipName();
            skipName();
            int kind = readByte();
            switch (kind) {
                case FUNCTION_IMPORT -> {
                    readU32Unsigned();
                    importedFunctions++;
                }
                case TABLE_IMPORT -> {
                    skipValueType();
                    skipLimits();
                }
                case MEMORY_IMPORT -> skipLimits();
                case GLOBAL_IMPORT -> {
                    skipValueType();
                    readByte();
                }
                case TAG_IMPORT -> {
                    readByte();
                    readU32Unsigned();
                }
                default -> throw new Malformed("unknown import kind " + kind);
            }
        }
    }

    private void checkFunctionBodies(int end) throws PluginRejectedException {
        long bodies = readU32Unsigned();
        atMost(bodies, limits.maxFunctions(), "The module defines %d functions, the limit is %d");
        for (int i = 0; i < bodies; i++) {
            long size = readU32Unsigned();
            if (size > end - position) {
                throw new Malformed("function body " + i + " runs past the end of the code section");
            }
            int bodyEnd = position + (int) size;
            String function = "Function " + (importedFunctions + i);
            if (size > limits.maxFunctionBodyBytes()) {
                throw new PluginRejectedException(function + " has " + size + " bytes of code, the limit is "
                    + limits.maxFunctionBodyBytes());
            }
            long groups = readU32Unsigned();
            long locals = 0;
            for (long group = 0; group < groups && position < bodyEnd; group++) {
                locals += readU32Unsigned();
                skipValueType();
            }
            if (locals > limits.maxLocalsPerFunction()) {
                throw new PluginRejectedException(function + " declares " + locals + " locals, the limit is "
                    + limits.maxLocalsPerFunction());
            }
            position = bodyEnd;
        }
    }

    private static void atMost(long count, int limit, String message) throws PluginRejectedException {
        if (count > limit) {
            throw new PluginRejectedException(String.format(message, count, limit));
        }
    }

    private void skipName() {
        long length = readU32Unsigned();
        if (length > wasm.length - position) {
            throw new Malformed("a name runs past the end of the module");
        }
        position += (int) length;
    }

    private void skipValueType() {
        int type = readByte();
        if (type == REF_NULL || type == REF) {
            readLeb(33);
        }
    }

    /** Flags (bit 0: a maximum follows; bit 2: 64-bit bounds), minimum, maximum. */
    private void skipLimits() {
        int flags = readByte();
        int bits = (flags & 4) != 0 ? 64 : 32;
        readLeb(bits);
        if ((flags & 1) != 0) {
            readLeb(bits);
        }
    }

    private int readByte() {
        if (position >= wasm.length) {
            throw new Malformed("unexpected end of the module");
        }
        return wasm[position++] & 0xff;
    }

    private long readU32Unsigned() {
        return readLeb(32);
    }

    /** An unsigned (or, for 33 bits, signed; only skipped) LEB128 number of at most {@code bits} bits. */
    private long readLeb(int bits) {
        long value = 0;
        int maxBytes = (bits + 6) / 7;
        for (int i = 0; i < maxBytes; i++) {
            int next = readByte();
            value |= (long) (next & 0x7f) << (7 * i);
            if ((next & 0x80) == 0) {
                return value;
            }
        }
        throw new Malformed("integer representation too long");
    }

    /** Thrown inside the census only; reported as an invalid module. */
    private static final class Malformed extends RuntimeException {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }
}
