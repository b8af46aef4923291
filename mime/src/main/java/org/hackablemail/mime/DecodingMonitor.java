package org.hackablemail.mime;

import org.apache.james.mime4j.codec.DecodeMonitor;

/**
 * Counts what mime4j's base64 and quoted-printable decoders skip or leave as is in one part. Only real damage counts:
 * quoted-printable's warnings about line ends and trailing blanks concern nearly every message from Unix mailers.
 */
final class DecodingMonitor extends DecodeMonitor {
    private long errors;
    private String firstError;

    static boolean isBase64Error(String error) {
        return error.startsWith("Unexpected base64") || error.startsWith("Unexpected end of BASE64")
            || error.startsWith("Unexpected padding");
    }

    static boolean isQuotedPrintableError(String error) {
        return error.startsWith("Malformed encoded value") || error.startsWith("Unexpected ==");
    }

    @Override
    public boolean warn(String error, String dropDesc) {
        if (isBase64Error(error) || isQuotedPrintableError(error)) {
            errors++;
            if (firstError == null) {
                firstError = error;
            }
        }
        return false;
    }

    @Override
    public boolean isListening() {
        return true;
    }

    /** Base64 data after the padding that ended it, which the decoder never reads. */
    void dataAfterEnd() {
        errors++;
        if (firstError == null) {
            firstError = "data after the end of the base64 content";
        }
    }

    void report(Problems problems, String part, String transferEncoding) {
        if (errors == 0) {
            return;
        }
        boolean base64 = transferEncoding.equals("base64");
        problems.add(base64 ? Problem.Code.BAD_BASE64 : Problem.Code.BAD_QUOTED_PRINTABLE, part,
            errors + " invalid " + (base64 ? "base64" : "quoted-printable") + " sequences (first: " + firstError
                + "): " + (base64 ? "skipped" : "kept as they are"));
    }
}
