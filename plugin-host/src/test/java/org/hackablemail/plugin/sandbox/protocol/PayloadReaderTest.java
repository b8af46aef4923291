package org.hackablemail.plugin.sandbox.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** What {@link PayloadWriter} writes reads back; anything else, as a peer gone wrong would send it, is refused. */
class PayloadReaderTest {
    private static final byte[] BINARY = {0, -1, 127, -128, 10, 13};
    private static final Map<String, String> CONFIG = orderedConfig();

    @Test
    void shouldReadBackEveryFieldTypeWhenWrittenByTheWriter() {
        PayloadReader in = new PayloadReader(everyField());

        assertEveryField(in);
        in.end();
    }

    @Test
    void shouldRefuseEveryTruncationOfAPayloadWithAProtocolException() {
        byte[] whole = everyField();

        for (int length = 0; length < whole.length; length++) {
            PayloadReader in = new PayloadReader(Arrays.copyOf(whole, length));
            assertThatThrownBy(() -> assertEveryField(in)).as("cut at %d of %d bytes", length, whole.length)
                .isInstanceOf(ProtocolException.class);
        }
    }

    @Test
    void shouldRefuseTrailingBytesAtTheEnd() {
        byte[] whole = everyField();
        PayloadReader in = new PayloadReader(Arrays.copyOf(whole, whole.length + 3));
        assertEveryField(in);

        assertThatThrownBy(in::end).isInstanceOf(ProtocolException.class).hasMessage("3 bytes too many in a payload");
    }

    @Test
    void shouldAcceptAnEmptyPayloadWhenNothingIsExpectedAndRefuseItOtherwise() {
        new PayloadReader(new byte[0]).end();

        assertThatThrownBy(() -> new PayloadReader(new byte[0]).int32()).isInstanceOf(ProtocolException.class)
            .hasMessage("A payload ends too early");
        assertThatThrownBy(() -> new PayloadReader(new byte[0]).text()).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> new PayloadReader(new byte[0]).texts()).isInstanceOf(ProtocolException.class);
    }

    @Test
    void shouldRefuseANegativeLengthOtherThanAbsence() {
        for (int length : new int[] {-2, Integer.MIN_VALUE}) {
            assertThatThrownBy(() -> new PayloadReader(int32(length)).optionalBytes()).as("length %d", length)
                .isInstanceOf(ProtocolException.class).hasMessage("A value of " + length + " bytes in 0");
        }
    }

    @Test
    void shouldRefuseALengthBeyondThePayloadWithoutAllocatingIt() {
        // new byte[Integer.MAX_VALUE] would be an OutOfMemoryError, not this.
        byte[] payload = ByteBuffer.allocate(8).putInt(Integer.MAX_VALUE).putInt(0).array();

        assertThatThrownBy(() -> new PayloadReader(payload).bytes()).isInstanceOf(ProtocolException.class)
            .hasMessage("A value of " + Integer.MAX_VALUE + " bytes in 4");
    }

    @Test
    void shouldRefuseAnAbsentValueWhereOneIsRequired() {
        assertThatThrownBy(() -> new PayloadReader(int32(-1)).text()).isInstanceOf(ProtocolException.class)
            .hasMessage("A required value is absent");
    }

    @Test
    void shouldRefuseANegativeCountInsteadOfReadingNoEntries() {
        assertThatThrownBy(() -> new PayloadReader(int32(-1)).texts()).isInstanceOf(ProtocolException.class)
            .hasMessage("A count of -1 in 0 bytes");
    }

    @Test
    void shouldRefuseACountThePayloadCannotHold() {
        byte[] payload = ByteBuffer.allocate(12).putInt(3).putInt(0).putInt(0).array();

        assertThatThrownBy(() -> new PayloadReader(payload).texts()).isInstanceOf(ProtocolException.class)
            .hasMessage("A count of 3 in 8 bytes");
    }

    @Test
    void shouldRefuseABooleanOtherThanZeroOrOne() {
        assertThatThrownBy(() -> new PayloadReader(new byte[] {2}).bool()).isInstanceOf(ProtocolException.class)
            .hasMessage("A boolean of 2");
    }

    private static byte[] everyField() {
        return new PayloadWriter()
            .bool(true).bool(false)
            .int32(Integer.MIN_VALUE).int32(-1).int32(Integer.MAX_VALUE)
            .int64(Long.MIN_VALUE).int64(Long.MAX_VALUE)
            .bytes(BINARY).bytes(new byte[0])
            .optionalBytes(Optional.of(BINARY)).optionalBytes(Optional.of(new byte[0])).optionalBytes(Optional.empty())
            .text("Grüße 📬 \u0000 end").text("")
            .optionalText(Optional.of("réponse")).optionalText(Optional.empty())
            .texts(CONFIG).texts(Map.of())
            .toBytes();
    }

    private static void assertEveryField(PayloadReader in) {
        assertThat(in.bool()).isTrue();
        assertThat(in.bool()).isFalse();
        assertThat(in.int32()).isEqualTo(Integer.MIN_VALUE);
        assertThat(in.int32()).isEqualTo(-1);
        assertThat(in.int32()).isEqualTo(Integer.MAX_VALUE);
        assertThat(in.int64()).isEqualTo(Long.MIN_VALUE);
        assertThat(in.int64()).isEqualTo(Long.MAX_VALUE);
        assertThat(in.bytes()).isEqualTo(BINARY);
        assertThat(in.bytes()).isEmpty();
        assertThat(in.optionalBytes()).hasValueSatisfying(value -> assertThat(value).isEqualTo(BINARY));
        assertThat(in.optionalBytes()).hasValueSatisfying(value -> assertThat(value).isEmpty());
        assertThat(in.optionalBytes()).isEmpty();
        assertThat(in.text()).isEqualTo("Grüße 📬 \u0000 end");
        assertThat(in.text()).isEmpty();
        assertThat(in.optionalText()).contains("réponse");
        assertThat(in.optionalText()).isEmpty();
        assertThat(in.texts()).containsExactlyEntriesOf(CONFIG);
        assertThat(in.texts()).isEmpty();
    }

    private static Map<String, String> orderedConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("z-first", "1");
        config.put("a-second", "");
        config.put("", "an empty key");
        return config;
    }

    private static byte[] int32(int value) {
        return ByteBuffer.allocate(Integer.BYTES).putInt(value).array();
    }
}
