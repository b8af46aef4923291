package org.hackablemail.plugin.host;

import java.io.ByteArrayOutputStream;

/**
 * Reads a Wasm binary module's integers and sections in place, for the checks and rewrites that must happen before
 * (or instead of) a full parse. Throws {@link Malformed} at the first byte that cannot be right.
 */
final class WasmCursor {
    static final int HEADER_BYTES = 8;
    static final int CODE_SECTION = 10;

    private final byte[] wasm;
    private int position;

    WasmCursor(byte[] wasm) {
        this.wasm = wasm;
        if (wasm.length < HEADER_BYTES || wasm[0] != 0 || wasm[1] != 'a' || wasm[2] != 's' || wasm[3] != 'm') {
            throw new Malformed("magic header not detected");
        }
        this.position = HEADER_BYTES;
    }

    boolean atEnd() {
        return position >= wasm.length;
    }

    int position() {
        return position;
    }

    void moveTo(int newPosition) {
        position = newPosition;
    }

    /** Reads a section's id and size; returns the offset where the section's content ends. */
    int sectionEnd() {
        long size = readU32();
        if (size > wasm.length - position) {
            throw new Malformed("a section runs past the end of the module");
        }
        return position + (int) size;
    }

    /** Reads the size of a function body that must end before {@code limit}; returns the offset where it ends. */
    int bodyEnd(int limit) {
        long size = readU32();
        if (size > limit - position) {
            throw new Malformed("a function body runs past the end of the code section");
        }
        return position + (int) size;
    }

    int readByte() {
        if (position >= wasm.length) {
            throw new Malformed("unexpected end of the module");
        }
        return wasm[position++] & 0xff;
    }

    long readU32() {
        return readLeb(32);
    }

    /** An unsigned (or, for 33 bits, signed: only skipped) LEB128 number of at most {@code bits} bits. */
    long readLeb(int bits) {
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

    void skipName() {
        long length = readU32();
        if (length > wasm.length - position) {
            throw new Malformed("a name runs past the end of the module");
        }
        position += (int) length;
    }

    /** A value type; those of the function-references proposal ({@code ref null ht}, {@code ref ht}) carry a heap type. */
    void skipValueType() {
        int type = readByte();
        if (type == 0x63 || type == 0x64) {
            readLeb(33);
        }
    }

    /** Flags (bit 0: a maximum follows; bit 2: 64-bit bounds), minimum, maximum. */
    void skipLimits() {
        int flags = readByte();
        int bits = (flags & 4) != 0 ? 64 : 32;
        readLeb(bits);
        if ((flags & 1) != 0) {
            readLeb(bits);
        }
    }

    static void writeU32(ByteArrayOutputStream out, long value) {
        long rest = value;
        do {
            int next = (int) (rest & 0x7f);
            rest >>>= 7;
            out.write(rest != 0 ? next | 0x80 : next);
        } while (rest != 0);
    }

    /** A module that is not well-formed Wasm. */
    static final class Malformed extends RuntimeException {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }
}
