package org.hackablemail.plugin.host;

import java.io.ByteArrayOutputStream;

/**
 * A compiled module's skeleton: the module with every function body replaced by {@code unreachable}, which type-checks
 * for any signature. Instances of a compiled plugin need the module's types, imports, exports, memory, tables,
 * globals and segments, but never its function bodies, which the compiled classes replace: parsed, a body takes some
 * 40 times its size in JVM heap. The skeleton of a validated module is valid.
 */
final class ModuleSkeleton {
    /** No locals, {@code unreachable}, {@code end}. */
    private static final byte[] UNREACHABLE_BODY = {3, 0, 0, 0x0b};

    private ModuleSkeleton() {
    }

    static byte[] of(byte[] wasm) {
        WasmCursor cursor = new WasmCursor(wasm);
        ByteArrayOutputStream skeleton = new ByteArrayOutputStream(wasm.length / 4);
        skeleton.write(wasm, 0, WasmCursor.HEADER_BYTES);
        while (!cursor.atEnd()) {
            int start = cursor.position();
            int id = cursor.readByte();
            int end = cursor.sectionEnd();
            if (id == WasmCursor.CODE_SECTION) {
                ByteArrayOutputStream bodies = new ByteArrayOutputStream();
                long count = cursor.readU32();
                WasmCursor.writeU32(bodies, count);
                for (long i = 0; i < count; i++) {
                    bodies.writeBytes(UNREACHABLE_BODY);
                }
                skeleton.write(WasmCursor.CODE_SECTION);
                WasmCursor.writeU32(skeleton, bodies.size());
                skeleton.writeBytes(bodies.toByteArray());
            } else {
                skeleton.write(wasm, start, end - start);
            }
            cursor.moveTo(end);
        }
        return skeleton.toByteArray();
    }
}
