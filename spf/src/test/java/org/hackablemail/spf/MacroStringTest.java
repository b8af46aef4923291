package org.hackablemail.spf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The RFC 7208 §7.4 examples, for sender strong-bad@email.example.com and client 192.0.2.3. */
class MacroStringTest {
    private static final MacroString.Values VALUES = letter -> switch (letter) {
        case 's' -> "strong-bad@email.example.com";
        case 'l' -> "strong-bad";
        case 'o', 'd' -> "email.example.com";
        case 'i' -> "192.0.2.3";
        default -> throw new IllegalArgumentException(String.valueOf(letter));
    };

    private static String expand(String text) throws SpfErrorException {
        return MacroString.parse(text, MacroString.Context.DOMAIN_SPEC).expand(VALUES);
    }

    @Test
    void expandShouldApplyDigitsAndReversal() throws Exception {
        assertThat(expand("%{d4}")).isEqualTo("email.example.com");
        assertThat(expand("%{d3}")).isEqualTo("email.example.com");
        assertThat(expand("%{d2}")).isEqualTo("example.com");
        assertThat(expand("%{d1}")).isEqualTo("com");
        assertThat(expand("%{dr}")).isEqualTo("com.example.email");
        assertThat(expand("%{d2r}")).isEqualTo("example.email");
    }

    @Test
    void expandShouldSplitOnTheGivenDelimiters() throws Exception {
        assertThat(expand("%{l}")).isEqualTo("strong-bad");
        assertThat(expand("%{l-}")).isEqualTo("strong.bad");
        assertThat(expand("%{lr}")).isEqualTo("strong-bad");
        assertThat(expand("%{lr-}")).isEqualTo("bad.strong");
        assertThat(expand("%{l1r-}")).isEqualTo("strong");
    }

    @Test
    void expandShouldUrlEscapeUpperCaseMacros() throws Exception {
        assertThat(expand("%{S}")).isEqualTo("strong-bad%40email.example.com");
    }

    @Test
    void expandShouldTurnEscapesIntoLiterals() throws Exception {
        assertThat(expand("%%%_%-")).isEqualTo("% %20");
    }

    @Test
    void parseShouldRejectExplanationOnlyLettersInADomainSpec() {
        assertThatThrownBy(() -> expand("%{c}.example.com")).isInstanceOf(SpfErrorException.class);
    }

    @Test
    void parseShouldRejectAZeroDigitTransformer() {
        assertThatThrownBy(() -> expand("%{d0}")).isInstanceOf(SpfErrorException.class);
    }

    @Test
    void parseShouldAllowSpacesInExplanationsOnly() throws Exception {
        assertThat(MacroString.parse("%{l} is not allowed", MacroString.Context.EXPLANATION).expand(VALUES))
            .isEqualTo("strong-bad is not allowed");
        assertThatThrownBy(() -> expand("a b.example.com")).isInstanceOf(SpfErrorException.class);
    }
}
