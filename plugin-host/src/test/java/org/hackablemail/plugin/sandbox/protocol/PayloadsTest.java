package org.hackablemail.plugin.sandbox.protocol;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Payloads a worker gone wrong could send James. */
class PayloadsTest {

    @Test
    void shouldRefuseAnOutcomeWhoseCountOfLogsIsNegative() {
        byte[] payload = new PayloadWriter().bool(true).int32(0)
            .optionalBytes(Optional.empty()).optionalText(Optional.empty()).optionalText(Optional.empty())
            .int32(0) // variable writes
            .int32(-1) // logs
            .int64(5) // CPU time
            .toBytes();

        assertThatThrownBy(() -> Payloads.outcome(payload)).isInstanceOf(ProtocolException.class)
            .hasMessage("A count of -1 in 8 bytes");
    }

    @Test
    void shouldRefuseAnOutcomeWhoseCountOfVariableWritesIsNegative() {
        byte[] payload = new PayloadWriter().bool(true).int32(0)
            .optionalBytes(Optional.empty()).optionalText(Optional.empty()).optionalText(Optional.empty())
            .int32(Integer.MIN_VALUE) // variable writes
            .int32(0) // logs
            .int64(5) // CPU time
            .toBytes();

        assertThatThrownBy(() -> Payloads.outcome(payload)).isInstanceOf(ProtocolException.class)
            .hasMessageStartingWith("A count of " + Integer.MIN_VALUE);
    }
}
