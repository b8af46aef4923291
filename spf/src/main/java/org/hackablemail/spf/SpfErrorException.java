package org.hackablemail.spf;

/** Ends an evaluation early with permerror or temperror; the message is the problem reported in headers. */
final class SpfErrorException extends Exception {
    private final SpfResult result;

    private SpfErrorException(SpfResult result, String problem) {
        super(problem);
        this.result = result;
    }

    static SpfErrorException permError(String problem) {
        return new SpfErrorException(SpfResult.PERMERROR, problem);
    }

    static SpfErrorException tempError(String problem) {
        return new SpfErrorException(SpfResult.TEMPERROR, problem);
    }

    SpfResult result() {
        return result;
    }
}
