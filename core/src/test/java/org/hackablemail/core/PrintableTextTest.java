package org.hackablemail.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrintableTextTest {

    @Test
    void ofShouldLeavePrintableTextAsItIs() {
        assertThat(PrintableText.of("Grüße <b>bob</b> — 東京")).isEqualTo("Grüße <b>bob</b> — 東京");
    }

    @Test
    void ofShouldKeepAForgedLogLineOnTheSameLine() {
        assertThat(PrintableText.of("ok\r\n12:00:00.000 [ERROR] fake")).isEqualTo("ok\\r\\n12:00:00.000 [ERROR] fake");
    }

    @Test
    void ofShouldEscapeTerminalEscapeSequencesAndBidiOverrides() {
        assertThat(PrintableText.of("\u001b[31mred\u001b[0m \u202eevil\u2066")).isEqualTo("\\u001b[31mred\\u001b[0m \\u202eevil\\u2066");
    }

    @Test
    void ofShouldDoubleBackslashesSoThatEscapesCannotBeForged() {
        assertThat(PrintableText.of("a\\nb")).isEqualTo("a\\\\nb");
    }

    @Test
    void ofShouldGiveEmptyTextForNull() {
        assertThat(PrintableText.of(null)).isEmpty();
    }
}
