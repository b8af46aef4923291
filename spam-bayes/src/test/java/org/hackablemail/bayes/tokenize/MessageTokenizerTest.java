package org.hackablemail.bayes.tokenize;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

class MessageTokenizerTest {
    private final MessageTokenizer tokenizer = new MessageTokenizer();

    @Test
    void shouldDecodeBase64HtmlWhenPartIsBase64Encoded() {
        Set<String> tokens = tokenizer.tokenize(mail("base64-html.eml"));

        assertThat(tokens).contains("Cheap", "pills", "Medications", "content-type:text/html", "encoding:base64");
    }

    @Test
    void shouldJoinWordsWhenHtmlCommentsOrInlineTagsSplitThem() {
        Set<String> tokens = tokenizer.tokenize(mail("base64-html.eml"));

        assertThat(tokens).contains("Viagra").doesNotContain("iagra");
    }

    @Test
    void shouldKeepUrlHostsAndLinkTextWhenHtmlHasLinks() {
        Set<String> tokens = tokenizer.tokenize(mail("base64-html.eml"));

        assertThat(tokens).contains("url:www.example-pharmacy.biz", "url:example-pharmacy.biz", "url:ip", "Order", "today");
    }

    @Test
    void shouldDropMarkupWhenHtmlHasTagsStylesAndScripts() {
        Set<String> tokens = tokenizer.tokenize(mail("base64-html.eml"));

        assertThat(tokens).doesNotContain("href", "color", "red", "scripted", "body", "split");
    }

    @Test
    void shouldDecodeQuotedPrintableWhenSoftLineBreaksSplitWords() {
        Set<String> tokens = tokenizer.tokenize(mail("base64-html.eml"));

        assertThat(tokens).contains("softbreak");
    }

    @Test
    void shouldDecodeEncodedWordsWhenSubjectIsRfc2047() {
        Set<String> tokens = tokenizer.tokenize(mail("encoded-subject.eml"));

        assertThat(tokens).contains("subject:Réunion", "subject:demain", "subject:café", "from:Hélène");
    }

    @Test
    void shouldConvertCharsetWhenBodyIsLatin1() {
        Set<String> tokens = tokenizer.tokenize(mail("encoded-subject.eml"));

        assertThat(tokens).contains("Réunion", "café", "Hélène", "charset:iso-8859-1");
    }

    @Test
    void shouldPrefixHeaderTokensWhenFieldIsSelected() {
        Set<String> tokens = tokenizer.tokenize(mail("base64-html.eml"));

        assertThat(tokens).contains("subject:prices", "from:promo", "to:alice", "x-mailer:Mailer",
            "received:relay.example-pharmacy.biz", "received:198.51.100.7", "header:message-id",
            "header:x-mailer", "header:mime-version")
            .noneMatch(token -> token.startsWith("message-id:"));
    }

    @Test
    void shouldTokenizeEveryLeafWhenMultipartsAreNested() {
        Set<String> tokens = tokenizer.tokenize(mail("nested-multipart.eml"));

        assertThat(tokens).contains("attached", "meeting", "url:intranet.example.net", "spreadsheet",
            "subject:Quarterly", "content-type:application/pdf", "filename:pdf");
    }

    /** The HTML part ends inside a tag: what follows is an attribute value, read as a browser would not show it. */
    @Test
    void shouldKeepWhatCanBeReadWhenMimeIsBroken() {
        Set<String> tokens = tokenizer.tokenize(mail("broken-mime.eml"));

        assertThat(tokens).contains("from:mallory", "subject:unterminated", "unclosed",
            "charset:x-no-such-charset", "content-type:text/html");
    }

    @Test
    void shouldTokenizeAsTextWhenInputIsNotMimeAtAll() {
        byte[] noise = new byte[20_000];
        new Random(42).nextBytes(noise);
        byte[] message = "just some words\n\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(message, 0, noise, 0, message.length);

        assertThat(tokenizer.tokenize(noise)).contains("just", "some", "words");
    }

    @Test
    void shouldStopAtCapWhenMessageHasTooManyTokens() {
        MessageTokenizer capped = new MessageTokenizer(new TokenizerSettings(3, 40, 10, 200_000, false));

        assertThat(capped.tokenize(mail("base64-html.eml"))).hasSize(10);
    }

    @Test
    void shouldReplaceWordWithSkipTokenWhenLongerThanMaximum() {
        byte[] message = ("Subject: hi\n\nshort " + "x".repeat(57) + "\n").getBytes(StandardCharsets.US_ASCII);

        assertThat(tokenizer.tokenize(message)).contains("short", "skip:x:50").noneMatch(token -> token.contains("xxxxx"));
    }

    @Test
    void shouldPairConsecutiveWordsOnlyWhenWordPairsAreEnabled() {
        byte[] message = "Subject: hi\n\nfree money now\n".getBytes(StandardCharsets.US_ASCII);

        assertThat(new MessageTokenizer(TokenizerSettings.DEFAULT.withWordPairs(true)).tokenize(message))
            .contains("free~money", "money~now");
        assertThat(tokenizer.tokenize(message)).doesNotContain("free~money");
    }

    /** Case is evidence ("FREE", "Free"), in every script: words are kept as written, not folded. */
    @Test
    void shouldKeepCaseWhenWordsAreCapitalized() {
        byte[] message = "Subject: FREE offer\nContent-Type: text/plain; charset=utf-8\n\nΟΔΟΣ Ärger DÉJÀ Free free\n"
            .getBytes(StandardCharsets.UTF_8);

        assertThat(tokenizer.tokenize(message))
            .contains("subject:FREE", "\u039f\u0394\u039f\u03a3", "Ärger", "DÉJÀ", "Free", "free")
            .doesNotContain("subject:free", "ärger", "déjà");
    }

    @Test
    void shouldReadPartUpToCapWhenPartIsLongerThanReadBuffer() {
        String filler = " filler".repeat(3_000);
        byte[] message = ("Subject: hi\n\nalpha" + filler + " omega" + filler + " beyond\n").getBytes(StandardCharsets.US_ASCII);
        MessageTokenizer capped = new MessageTokenizer(new TokenizerSettings(3, 40, 5_000, 30_000, false));

        assertThat(capped.tokenize(message)).contains("alpha", "omega").doesNotContain("beyond");
    }

    /** {@code <:} starts no tag: a browser shows it as text, and the "http" before it is no scheme of what follows. */
    @Test
    void shouldTakeUrlSchemeFromInsideTagOnlyWhenScanningHtmlTags() {
        byte[] message = ("Subject: hi\nContent-Type: text/html\n\n<p>http<://outside.example.org>"
            + "<a href=\"https://inside.example.org/x\">link</a>\n").getBytes(StandardCharsets.US_ASCII);

        assertThat(tokenizer.tokenize(message)).contains("url:inside.example.org", "link")
            .noneMatch(token -> token.startsWith("url:") && token.contains("outside"));
    }

    @Test
    void shouldNeverProduceWhitespaceWhenTokenizing() {
        for (String name : new String[] {"base64-html.eml", "encoded-subject.eml", "nested-multipart.eml", "broken-mime.eml"}) {
            assertThat(tokenizer.tokenize(mail(name))).noneMatch(token -> token.chars().anyMatch(Character::isWhitespace));
        }
    }

    static byte[] mail(String name) {
        try (InputStream in = MessageTokenizerTest.class.getResourceAsStream("/mails/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
