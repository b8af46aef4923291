package org.hackablemail.bayes.corpus;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * An mbox file: messages start at lines beginning with {@code From }. Body lines escaped as {@code >From } (mboxo and
 * mboxrd) lose one {@code >}. Read line by line, so a file of any size streams in bounded memory.
 */
public final class Mbox implements Corpus {
    private final Path file;

    public Mbox(Path file) {
        this.file = file;
    }

    @Override
    public Stream<RawMessage> messages() throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        MessageIterator messages = new MessageIterator(in, file.toString());
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(messages, Spliterator.ORDERED), false)
            .onClose(() -> {
                try {
                    in.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
    }

    private static final class MessageIterator implements Iterator<RawMessage> {
        private final InputStream in;
        private final String name;
        private byte[] line;
        private int index;

        MessageIterator(InputStream in, String name) {
            this.in = in;
            this.name = name;
            this.line = readLine();
            while (line != null && !isSeparator(line)) {
                line = readLine();
            }
        }

        @Override
        public boolean hasNext() {
            return line != null;
        }

        @Override
        public RawMessage next() {
            if (line == null) {
                throw new NoSuchElementException();
            }
            ByteArrayOutputStream message = new ByteArrayOutputStream();
            byte[] blank = null;
            for (line = readLine(); line != null && !isSeparator(line); line = readLine()) {
                if (blank != null) {
                    message.write(blank, 0, blank.length);
                    blank = null;
                }
                if (isBlank(line)) {
                    blank = line;
                    continue;
                }
                int unescape = isEscapedFrom(line) ? 1 : 0;
                message.write(line, unescape, line.length - unescape);
            }
            // The blank line that ends each message belongs to the mbox, not to the message: without it a message has
            // the same bytes wherever it stands in the file (and so the same identity when trained).
            return new RawMessage(name + "#" + index++, message.toByteArray());
        }

        private byte[] readLine() {
            try {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
                int b;
                while ((b = in.read()) >= 0) {
                    bytes.write(b);
                    if (b == '\n') {
                        break;
                    }
                }
                return bytes.size() == 0 ? null : bytes.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static boolean isBlank(byte[] line) {
            return line.length == 1 && line[0] == '\n' || line.length == 2 && line[0] == '\r' && line[1] == '\n';
        }

        private static boolean isSeparator(byte[] line) {
            return startsWith(line, 0, "From ");
        }

        private static boolean isEscapedFrom(byte[] line) {
            int quotes = 0;
            while (quotes < line.length && line[quotes] == '>') {
                quotes++;
            }
            return quotes > 0 && startsWith(line, quotes, "From ");
        }

        private static boolean startsWith(byte[] line, int offset, String prefix) {
            if (line.length - offset < prefix.length()) {
                return false;
            }
            for (int i = 0; i < prefix.length(); i++) {
                if (line[offset + i] != prefix.charAt(i)) {
                    return false;
                }
            }
            return true;
        }
    }
}
