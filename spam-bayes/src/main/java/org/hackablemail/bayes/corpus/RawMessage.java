package org.hackablemail.bayes.corpus;

/** One message of a corpus: where it came from, and its bytes as they would reach the tokenizer. */
public record RawMessage(String name, byte[] content) {
}
