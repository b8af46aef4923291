package org.hackablemail.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class OwnerTest {

    @Test
    void ofShouldLowerCaseTheWholeAddress() {
        assertThat(Owner.of("Bob.Smith@Example.ORG").asString()).isEqualTo("bob.smith@example.org");
    }

    @Test
    void ownersShouldBeEqualWhenTheyDifferOnlyInCase() {
        assertThat(Owner.of("Bob@Example.org")).isEqualTo(Owner.of("bob@example.org"))
            .hasSameHashCodeAs(Owner.of("bob@example.org"));
    }

    @Test
    void ofShouldKeepAQuotedLocalPartWithAnAt() {
        assertThat(Owner.of("\"a@b\"@example.org").domain()).isEqualTo("example.org");
    }

    @Test
    void ofShouldThrowWhenThereIsNoDomain() {
        assertThatThrownBy(() -> Owner.of("bob@"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("'bob@' is not a mail address: it needs a local part and a domain around '@'");
    }

    @Test
    void ofShouldThrowWhenThereIsNoAt() {
        assertThatThrownBy(() -> Owner.of("bob")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ofShouldThrowWhenTheLocalPartIsEmpty() {
        assertThatThrownBy(() -> Owner.of("@example.org")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ofShouldThrowWhenTheAddressHoldsAControlCharacter() {
        assertThatThrownBy(() -> Owner.of("bob\r\n@example.org"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("control character");
    }

    @Test
    void ofShouldThrowWhenTheDomainHoldsASpace() {
        assertThatThrownBy(() -> Owner.of("bob@exa mple.org")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ofShouldThrowAndShowOnlyTheStartWhenTheAddressIsTooLong() {
        assertThatThrownBy(() -> Owner.of("x".repeat(10_000) + "@example.org"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageEndingWith("...' is not a mail address: it is longer than 320 characters")
            .message().hasSizeLessThan(200);
    }

    @Test
    void ofShouldThrowWhenNull() {
        assertThatThrownBy(() -> Owner.of(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void jsonShouldBeTheAddress() throws Exception {
        ObjectMapper mapper = new ObjectMapper();

        assertThat(mapper.writeValueAsString(Owner.of("Bob@Example.org"))).isEqualTo("\"bob@example.org\"");
        assertThat(mapper.readValue("\"Bob@Example.org\"", Owner.class)).isEqualTo(Owner.of("bob@example.org"));
    }
}
