package org.hackablemail.mime;

import java.util.function.Supplier;

import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.stream.Event;

/** Turns what mime4j's parser warns about into problems of the part being parsed; never asks it to stop. */
final class StructureMonitor extends DecodeMonitor {
    private final Problems problems;
    private final Supplier<String> currentPart;

    StructureMonitor(Problems problems, Supplier<String> currentPart) {
        this.problems = problems;
        this.currentPart = currentPart;
    }

    @Override
    public boolean warn(String error, String dropDesc) {
        if (Event.INVALID_HEADER.toString().equals(error)) {
            problems.add(Problem.Code.BAD_HEADER, currentPart.get(), "a header line that is not a field was skipped");
        } else if (Event.MIME_BODY_PREMATURE_END.toString().equals(error)) {
            problems.add(Problem.Code.BAD_STRUCTURE, currentPart.get(), "the multipart ends without its closing boundary");
        } else if (DecodingMonitor.isBase64Error(error)) {
            problems.add(Problem.Code.BAD_BASE64, currentPart.get(), "invalid base64 in an enclosed message: " + error);
        } else if (DecodingMonitor.isQuotedPrintableError(error)) {
            problems.add(Problem.Code.BAD_QUOTED_PRINTABLE, currentPart.get(),
                "invalid quoted-printable in an enclosed message: " + error);
        }
        return false;
    }

    @Override
    public boolean isListening() {
        return true;
    }
}
